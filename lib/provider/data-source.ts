/**
 * Data sources that look up objects already on the server, so a configuration can use what it
 * does not manage: every package kind by name (and version), a program by package and name, and
 * the site.
 */
import { KINDS, objectId, type KindName } from '../model/kinds';
import { SiteSchema } from '../model/site';
import { toTerraformName } from '../model/terraform-names';
import { errorDiagnostic, type CallContext, type DataSource, type DataSourceReadRequest, type DataSourceReadResult, type Schema } from '../tfplugin';
import { describeError } from './diagnostics';
import type { ProviderSession } from './resource';
import { attributesOf } from './schema';
import { toTerraform } from './state';

/** The configured session; throws before ConfigureProvider (Terraform always configures first). */
export type SessionOf = () => ProviderSession;

/** `data "osd_package" "x" { name = "…" version = "…" }`; programs: `package_id` + `name`. */
export class ObjectLookup implements DataSource {
  readonly typeName: string;
  readonly schema: Schema;
  private readonly keys: readonly string[];

  constructor(
    private readonly kind: KindName,
    private readonly session: SessionOf,
  ) {
    const def = KINDS[kind];
    this.typeName = def.terraformType;
    this.keys = def.uniqueBy;
    this.schema = {
      version: 0,
      block: {
        attributes: attributesOf(def.schema, { writeOnly: false, lookupKeys: this.keys }),
        description: `Looks up an existing ${def.title.toLowerCase()} by ${this.keys.join(' and ')}.`,
        description_kind: 'MARKDOWN',
      },
    };
  }

  async read(req: DataSourceReadRequest, ctx: CallContext): Promise<DataSourceReadResult> {
    const def = KINDS[this.kind];
    const filter: Record<string, string> = {};
    for (const key of this.keys) {
      const v = req.config[toTerraformName(key)];
      if (typeof v === 'string') filter[key] = v;
    }
    const what = `${def.title.toLowerCase()} with ${Object.entries(filter).map(([k, v]) => `${k} ${JSON.stringify(v)}`).join(' and ')}`;
    try {
      const { api } = this.session();
      // A kind whose ID its lookup keys make (a program: package and name) is read by ID; others are listed by filter.
      const id = def.id.fromFields(filter);
      const found = id !== undefined ? [(await api.get(this.kind, id, ctx.stopSignal))?.value].filter((v) => v !== undefined) : await api.list(this.kind, filter, ctx.stopSignal);
      if (found.length !== 1) {
        const detail = found.length === 0 ? `the server has no ${what}` : `the server has ${found.length} objects matching ${what}; give the version too`;
        return { state: null, diagnostics: [errorDiagnostic(`No single ${def.title.toLowerCase()} found`, detail)] };
      }
      const state = toTerraform(def.schema, found[0]);
      state.id = objectId(this.kind, found[0]);
      return { state };
    } catch (err) {
      return { state: null, diagnostics: [errorDiagnostic(`Cannot look up ${what}`, describeError(err))] };
    }
  }
}

/** `data "osd_site" "this" {}`: the site code, ConfigMgr version and the USMT versions it allows. */
export class SiteLookup implements DataSource {
  readonly typeName = 'osd_site';
  readonly schema: Schema = {
    version: 0,
    block: {
      attributes: attributesOf(SiteSchema, { writeOnly: false, lookupKeys: [] }),
      description: 'The site the deployment server stands for.',
      description_kind: 'MARKDOWN',
    },
  };

  constructor(private readonly session: SessionOf) {}

  async read(_req: DataSourceReadRequest, ctx: CallContext): Promise<DataSourceReadResult> {
    try {
      return { state: toTerraform(SiteSchema, await this.session().site(ctx.stopSignal)) };
    } catch (err) {
      return { state: null, diagnostics: [errorDiagnostic('Cannot read the site', describeError(err))] };
    }
  }
}

/**
 * Data sources that look up objects already on the server, so a configuration can use what it
 * does not manage: every package kind by name (and version), a program by package and name, and
 * the site.
 */
import { KINDS, objectId, type KindName } from '../model/kinds';
import { SiteSchema } from '../model/site';
import { toTerraformName } from '../model/terraform-names';
import { describeError } from './diagnostics';
import type { ProviderSession } from './resource';
import { errorDiagnostic, type ReadDataSourceRequest, type ReadDataSourceResponse, type Schema } from './protocol/types';
import { attributesOf } from './schema';
import { toTerraform } from './state';

export interface DataSource {
  readonly typeName: string;
  readonly schema: Schema;
  read(req: ReadDataSourceRequest, session: ProviderSession): Promise<ReadDataSourceResponse>;
}

/** `data "osd_package" "x" { name = "…" version = "…" }`; programs: `package_id` + `name`. */
export class ObjectLookup implements DataSource {
  readonly typeName: string;
  readonly schema: Schema;
  private readonly keys: readonly string[];

  constructor(private readonly kind: KindName) {
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

  async read(req: ReadDataSourceRequest, session: ProviderSession): Promise<ReadDataSourceResponse> {
    const def = KINDS[this.kind];
    const filter: Record<string, string> = {};
    for (const key of this.keys) {
      const v = req.config[toTerraformName(key)];
      if (typeof v === 'string') filter[key] = v;
    }
    const what = `${def.title.toLowerCase()} with ${Object.entries(filter).map(([k, v]) => `${k} ${JSON.stringify(v)}`).join(' and ')}`;
    try {
      // A kind whose ID its lookup keys make (a program: package and name) is read by ID; others are listed by filter.
      const id = def.id.fromFields(filter);
      const found = id !== undefined ? [(await session.api.get(this.kind, id))?.value].filter((v) => v !== undefined) : await session.api.list(this.kind, filter);
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

  async read(_req: ReadDataSourceRequest, session: ProviderSession): Promise<ReadDataSourceResponse> {
    try {
      return { state: toTerraform(SiteSchema, await session.site()) };
    } catch (err) {
      return { state: null, diagnostics: [errorDiagnostic('Cannot read the site', describeError(err))] };
    }
  }
}

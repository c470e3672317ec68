/**
 * What validation knows about a whole app: the objects its constructs create, the IDs of the
 * objects it imports, and the deployment server of each stack.
 *
 * The model's rules look objects up by ID (`resolve(kind, id)`). At synth nothing has an ID yet, so
 * each object created in the app gets a stand-in ID of the right form for the length of a check
 * (`SYN00001`, never rendered). A lookup of a stand-in answers with that construct's value; a
 * lookup of any other ID (an imported object) answers `UNRESOLVED`, which makes the rules skip
 * what they cannot know yet. Messages name a stand-in's construct path, never the stand-in.
 */
import type { IConstruct } from 'constructs';
import type { TerraformStack } from 'cdktf';
import {
  KINDS,
  objectId,
  UNRESOLVED,
  withDefaults,
  withoutReadOnly,
  type ConfigMgrVersion,
  type KindName,
  type Resolved,
  type RuleContext,
  type Site,
} from '../lib/model';
import type { IdWriter } from './model-props';
import { expectReference, type LocalObject } from './references';

/** Stand-in IDs: a site code no real object of the app uses (checked), then a counter in hex. */
const STAND_IN_PREFIX = 'SYN';

/** What a stack's deployment server tells validation. */
export interface ServerFacts {
  /** The site's ConfigMgr version, when the stack states it (R5 USMT versions). */
  readonly configMgrVersion?: ConfigMgrVersion;
}

const registries = new WeakMap<IConstruct, ModelRegistry>();

export class ModelRegistry {
  /** The registry of the app `scope` belongs to (one per construct tree). */
  static of(scope: IConstruct): ModelRegistry {
    const root = scope.node.root;
    let registry = registries.get(root);
    if (!registry) {
      registry = new ModelRegistry();
      registries.set(root, registry);
    }
    return registry;
  }

  private readonly locals: LocalObject[] = [];
  private readonly importedIds = new Set<string>();
  private readonly servers = new Map<TerraformStack, ServerFacts>();
  private readonly standIns = new Map<LocalObject, string>();
  private readonly byStandIn = new Map<string, LocalObject>();
  private nextStandIn = 1;
  /** Values with defaults, per object; emptied whenever an object changes. */
  private readonly values = new Map<LocalObject, Record<string, unknown>>();
  /** Objects of kinds that live under a parent (programs), by the ID their own fields make. */
  private childIndex?: Map<string, LocalObject>;
  private currentGeneration = 0;
  /** The stacks whose objects passed the synth-time checks, and in which state of the app. */
  private readonly checkedStacks = new Map<TerraformStack, number>();

  private constructor() {}

  /** Records an object created in the app. */
  registerLocal(object: LocalObject): void {
    this.locals.push(object);
    this.changed();
  }

  /** Records the literal ID of an imported object, so no stand-in ever equals it. */
  registerImported(id: string): void {
    this.importedIds.add(id);
  }

  /** Records the deployment server of `stack`. Throws if the stack has one already. */
  registerServer(stack: TerraformStack, facts: ServerFacts): void {
    if (this.servers.has(stack)) {
      throw new Error(`${stack.node.path}: the stack has a DeploymentServer already; one stack talks to one server (use another stack for another server)`);
    }
    this.servers.set(stack, facts);
  }

  /** The deployment server of `stack`, or undefined when it has none. */
  serverOf(stack: TerraformStack): ServerFacts | undefined {
    return this.servers.get(stack);
  }

  /** Must be called when an object's value changes after construction (e.g. a step added). */
  changed(): void {
    this.values.clear();
    this.childIndex = undefined;
    this.currentGeneration++;
  }

  /** The state of the app: it changes whenever an object is added or changed, and invalidates earlier findings. */
  get generation(): number {
    return this.currentGeneration;
  }

  /** Whether every object of `stack` passed the synth-time checks in the app's current state. */
  isChecked(stack: TerraformStack): boolean {
    return this.checkedStacks.get(stack) === this.currentGeneration;
  }

  /** Records that every object of `stack` passed the synth-time checks in the app's current state. */
  markChecked(stack: TerraformStack): void {
    this.checkedStacks.set(stack, this.currentGeneration);
  }

  /** The objects of `kind` created in the app, in the order they were constructed. */
  localsOf(kind: KindName): LocalObject[] {
    return this.locals.filter((l) => l.kind === kind);
  }

  /** The stand-in ID of an object created in the app. */
  standInOf(object: LocalObject): string {
    let id = this.standIns.get(object);
    if (id) return id;
    do {
      id = STAND_IN_PREFIX + (this.nextStandIn++).toString(16).toUpperCase().padStart(5, '0');
    } while (this.importedIds.has(id));
    this.standIns.set(object, id);
    this.byStandIn.set(id, object);
    return id;
  }

  /** Writes references for validation: stand-ins for objects in the app, literal IDs for imported ones. */
  readonly validationIds: IdWriter = (value, expected, field) => {
    const ref = expectReference(value, expected, field);
    return ref.local ? this.standInOf(ref.local) : ref.id;
  };

  /** The object `kind`/`id` as the rules see it (defaults applied), per the contract of `RuleContext.resolve`. */
  readonly resolve = (kind: KindName, id: string): Resolved => {
    if (KINDS[kind].parentField) return this.resolveChild(kind, id);
    const local = this.byStandIn.get(id);
    if (!local) return UNRESOLVED;
    return local.kind === kind ? this.valueOf(local) : undefined;
  };

  /** The rule context for an object of `stack`. */
  contextFor(stack: TerraformStack): RuleContext {
    const version = this.servers.get(stack)?.configMgrVersion;
    // The rules read only the site's ConfigMgr version; the other site facts are the server's.
    const site = version ? ({ configMgrVersion: version } as Pick<Site, 'configMgrVersion'> as Site) : undefined;
    return { resolve: this.resolve, site };
  }

  /** The path of the construct a stand-in ID stands for; undefined for any other ID. */
  constructPathOf(id: string): string | undefined {
    return this.byStandIn.get(id)?.node.path;
  }

  private valueOf(object: LocalObject): Record<string, unknown> {
    let value = this.values.get(object);
    if (!value) {
      const input = withoutReadOnly(object.kind, object.modelInput(this.validationIds)) as Record<string, unknown>;
      value = withDefaults(object.kind, input);
      this.values.set(object, value);
    }
    return value;
  }

  /**
   * An object of a kind under a parent (a program, `<packageId>/<name>`): a parent created in the
   * app has exactly the children the app gives it; under any other parent it cannot be known yet.
   */
  private resolveChild(kind: KindName, id: string): Resolved {
    const def = KINDS[kind];
    const parentId = def.id.parse(id)?.[def.parentField as string];
    if (parentId === undefined || !this.byStandIn.has(parentId)) return UNRESOLVED;
    if (!this.childIndex) {
      this.childIndex = new Map();
      for (const local of this.locals) {
        if (!KINDS[local.kind].parentField) continue;
        this.childIndex.set(`${local.kind}:${objectId(local.kind, this.valueOf(local))}`, local);
      }
    }
    const child = this.childIndex.get(`${kind}:${id}`);
    return child ? this.valueOf(child) : undefined;
  }
}

/** Title of a kind for messages (`package`, `boot image`). */
export function kindTitle(kind: KindName): string {
  return KINDS[kind].title.toLowerCase();
}

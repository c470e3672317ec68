/**
 * The base of every construct that creates a deployment object, and the plain Terraform resource
 * it emits.
 *
 * Modelling and rendering are kept apart: a construct states its object in the model's shape
 * (its props, mapped by its props spec, plus what the construct sets itself), references written
 * by a given writer. Validation runs the model's checks on that value with stand-in IDs; rendering
 * converts the same value to Terraform's names with `toTerraformValue`, references written as
 * tokens, and emits it as an `osd_*` resource.
 *
 * When the checks run:
 * - the shape of the props (types, lengths, patterns, required fields), in the base constructor,
 *   before the construct joins the tree: a construct with bad props throws, naming its path, and
 *   leaves nothing behind. The base can do it because a subclass hands it everything the check
 *   needs (`ObjectDefinition`) in the `super` call; no subclass has a step to forget.
 * - the rules across objects (R1–R7), with the whole app known: at validation (cdktf's synth,
 *   `Testing.synth(stack, true)`) and, when no validation ran since the app last changed, when the
 *   stack is rendered. So a unit test that calls `Testing.synth(stack)` or `Testing.synthScope`
 *   gets the same errors as `cdktf synth`, and a normal synth still checks each object once.
 */
import { Construct } from 'constructs';
import { Annotations, TerraformResource, TerraformStack, Token, dependable, type ITerraformDependable } from 'cdktf';
import { isReferenced, KINDS, secretsOf, toTerraformValue, type Issue, type KindName } from '../lib/model';
import { checkWithUnknowns, shapeIssues, synthMessage } from './checking';
import { modelFromProps, type IdWriter } from './model-props';
import type { PropSpec } from './props-spec';
import { OSD_REFERENCE, expectReference, terraformIds, type IOsdObject, type LocalObject, type ObjectReference } from './references';
import { ModelRegistry } from './registry';

/** What a `ModelResource` asks its construct for at synth. */
interface ResourceSource {
  /** The resource's attributes, in Terraform's names. */
  terraformAttributes(): Record<string, unknown>;
  /** Resources this one must be created after, beyond those its attribute references imply. */
  creationDependencies(): ITerraformDependable[];
}

/**
 * A plain `osd_*` Terraform resource whose attributes come from a construct at synth time (so
 * steps added after construction are included). It has no provider-generated bindings: the
 * attribute names are the model's field names in snake_case.
 *
 * Meta-arguments are the resource's, as on any cdktf resource, and what a stack sets on them is
 * kept: `lifecycle` is set in the constructor, and the dependencies the construct knows only at
 * synth (the programs a task sequence's steps install) are added to `dependsOn` when rendering,
 * beside any the stack gave.
 */
export class ModelResource extends TerraformResource {
  constructor(
    scope: Construct,
    id: string,
    terraformResourceType: string,
    private readonly source: ResourceSource,
    /** Whether Terraform must create a replacement, and update what refers to this object, before deleting it. */
    private readonly createBeforeDestroy: boolean,
  ) {
    super(scope, id, { terraformResourceType, lifecycle: createBeforeDestroy ? { createBeforeDestroy: true } : undefined });
  }

  /**
   * The stack's own meta-arguments, with the construct's dependencies added to `dependsOn` and
   * `createBeforeDestroy` kept in a `lifecycle` the stack replaced without stating it.
   */
  override get terraformMetaArguments(): Record<string, any> {
    const own = super.terraformMetaArguments;
    const dependsOn = [...((own.dependsOn as string[] | undefined) ?? []), ...this.source.creationDependencies().map((d) => dependable(d))];
    const lifecycle = own.lifecycle as Record<string, unknown> | undefined;
    return {
      ...own,
      dependsOn: dependsOn.length > 0 ? dependsOn : undefined,
      lifecycle: this.createBeforeDestroy && lifecycle?.createBeforeDestroy === undefined ? { createBeforeDestroy: true, ...lifecycle } : lifecycle,
    };
  }

  protected override synthesizeAttributes(): Record<string, unknown> {
    return this.source.terraformAttributes();
  }

  /** HCL output would need per-attribute type metadata the model does not carry; JSON is what Terraform reads. */
  protected override synthesizeHclAttributes(): Record<string, unknown> {
    throw new Error(`${this.node.path}: osd resources synthesize to JSON only; turn off HCL output (hclOutput / SYNTH_HCL_OUTPUT)`);
  }
}

/** A stand-in ID used only by constructor checks, which look at shapes and never resolve references. */
const SHAPE_CHECK_ID = 'AAA00000';

/**
 * Writes references for shape checks: verifies each is a reference of the right kind (the error
 * names `where`, e.g. the construct path), and writes a valid-looking ID.
 */
export function shapeCheckIds(where: string): IdWriter {
  return (value, expected, field) => {
    expectReference(value, expected, field, where);
    return SHAPE_CHECK_ID;
  };
}

/** What a construct hands the base class about the object it creates. */
export interface ObjectDefinition {
  /** The kind of object; its schema, Terraform type and rules are the model's (`KINDS`). */
  readonly kind: KindName;
  /** The construct's props. */
  readonly props: object;
  /** The props specs whose model fields the props carry (`modelFromProps` maps each). */
  readonly specs: readonly PropSpec[];
  /**
   * Model fields the construct sets itself (a package's role, a program's name, a task sequence's
   * steps), with references written by `ids`. It runs in the base constructor, before the
   * subclass's own fields exist: it may use what the subclass constructor has in hand before
   * `super` (TypeScript refuses `this` there), nothing else.
   */
  readonly more?: (ids: IdWriter) => Record<string, unknown>;
}

/** The object in the model's shape: read-only fields absent, defaults not applied, references written by `ids`. */
function modelOf(definition: ObjectDefinition, ids: IdWriter): Record<string, unknown> {
  const value: Record<string, unknown> = {};
  for (const spec of definition.specs) Object.assign(value, modelFromProps(spec, definition.props, ids));
  return definition.more ? Object.assign(value, definition.more(ids)) : value;
}

/** The path a construct `id` under `scope` has (or will have, for use before it exists). */
export const constructPath = (scope: Construct, id: string) => [scope.node.path, id].filter(Boolean).join('/');

/**
 * A construct that creates one deployment object of `kind`. A subclass passes its props and how
 * they map to the model (`ObjectDefinition`) to `super`; the base checks them there, and states
 * the object from them at validation and rendering.
 */
export abstract class OsdObject extends Construct implements IOsdObject, LocalObject {
  /** The kind of object this construct creates. */
  readonly kind: KindName;
  /** The emitted `osd_*` Terraform resource, for meta-arguments (`dependsOn`, `lifecycle`) and escape hatches. */
  readonly resource: ModelResource;
  /** How other objects refer to this one. */
  readonly [OSD_REFERENCE]: ObjectReference;
  /** The server-assigned ID (`id` attribute), a token until the object exists. */
  protected readonly objectId: string;
  private readonly definition: ObjectDefinition;
  private readonly warned = new Set<string>();
  /** The synth-time errors, and the state of the app they were found in. */
  private checked?: { readonly generation: number; readonly errors: string[] };

  protected constructor(scope: Construct, id: string, definition: ObjectDefinition) {
    // Before `super`: a construct whose props are plainly wrong never joins the tree.
    assertWellFormed(constructPath(scope, id), definition);
    super(scope, id);
    this.kind = definition.kind;
    this.definition = definition;
    this.resource = new ModelResource(
      this,
      'Default',
      KINDS[this.kind].terraformType,
      {
        terraformAttributes: () => {
          OsdObject.assertStackChecked(TerraformStack.of(this));
          return this.terraformOnlyAttributes(toTerraformValue(KINDS[this.kind].schema, this.modelInput(terraformIds)) as Record<string, unknown>);
        },
        creationDependencies: () => this.creationDependencies(),
      },
      isReferenced(this.kind),
    );
    this.objectId = this.resource.getStringAttribute('id');
    this[OSD_REFERENCE] = { kind: this.kind, id: this.objectId, local: this };
    ModelRegistry.of(this).registerLocal(this);
    this.node.addValidation({ validate: () => this.validateObject() });
  }

  /**
   * The object in the model's shape: model field names, read-only fields absent, defaults not
   * applied, each reference written by `ids`. Called at validation and again at rendering.
   */
  modelInput(ids: IdWriter): Record<string, unknown> {
    return modelOf(this.definition, ids);
  }

  /** Adds attributes that exist in Terraform only, not in the model (e.g. secret versions) to the rendered ones. */
  protected terraformOnlyAttributes(attributes: Record<string, unknown>): Record<string, unknown> {
    return attributes;
  }

  /** Objects this one must be created after although no attribute refers to them (e.g. a program a step installs). */
  protected creationDependencies(): ITerraformDependable[] {
    return [];
  }

  /** Findings of the construct's own beyond the model's checks (an intent the settings contradict), given the checked value. */
  protected intentIssues(_value: Record<string, unknown>): Issue[] {
    return [];
  }

  /** Advice beyond the model's rules (R8, plain-text secrets), as warning messages. */
  protected advice(): string[] {
    return [];
  }

  /** Tells validation that the value changed after construction (e.g. a step was added). */
  protected valueChanged(): void {
    ModelRegistry.of(this).changed();
  }

  /** Adds a warning annotation unless this construct has it already (the checks may run more than once). */
  protected warnOnce(message: string): void {
    if (this.warned.has(message)) return;
    this.warned.add(message);
    Annotations.of(this).addWarning(message);
  }

  /** Synth-time validation: the stack's deployment server, and the model's checks with the whole app known. */
  private validateObject(): string[] {
    const stack = TerraformStack.of(this);
    const errors: string[] = [];
    if (!ModelRegistry.of(this).serverOf(stack)) {
      errors.push(
        `the stack ${JSON.stringify(stack.node.id)} has no DeploymentServer; add one (new DeploymentServer(stack, 'Server', { ... })) so Terraform knows which provider serves ${KINDS[this.kind].terraformType}`,
      );
    }
    return [...errors, ...this.findings()];
  }

  /**
   * The model's shape and rules with the whole app known, as error messages; warnings and advice
   * are annotated. Found once per state of the app: validation and rendering share the result.
   */
  private findings(): string[] {
    const registry = ModelRegistry.of(this);
    if (this.checked?.generation === registry.generation) return this.checked.errors;
    const input = this.modelInput(registry.validationIds);
    const result = checkWithUnknowns(this.kind, input, registry.contextFor(TerraformStack.of(this)));
    const describe = (issue: Issue) => synthMessage(issue, input, (id) => registry.constructPathOf(id));
    const errors = [...result.errors, ...(result.value ? this.intentIssues(result.value) : [])].map(describe);
    for (const warning of [...result.warnings.map(describe), ...plainTextSecretAdvice(this.kind, input), ...this.advice()]) {
      this.warnOnce(warning);
    }
    this.checked = { generation: registry.generation, errors };
    return errors;
  }

  /**
   * Throws the synth-time errors of every object of `stack`, unless they were found (and were
   * none) in the app's current state. Rendering calls it, so no synth skips the rules.
   */
  private static assertStackChecked(stack: TerraformStack): void {
    const registry = ModelRegistry.of(stack);
    if (registry.isChecked(stack)) return;
    const objects = stack.node.findAll().filter((c): c is OsdObject => c instanceof OsdObject);
    const failures = objects.flatMap((o) => o.findings().map((message) => `[${o.node.path}] ${message}`));
    if (failures.length > 0) throw new Error(`the stack ${JSON.stringify(stack.node.id)} breaks the model's rules:\n  ${failures.join('\n  ')}`);
    registry.markChecked(stack);
  }
}

/** Refuses plainly wrong props, naming the construct path, the field, the value and the limit. */
function assertWellFormed(path: string, definition: ObjectDefinition): void {
  const input = modelOf(definition, shapeCheckIds(path));
  throwIfAny(path, input, shapeIssues(definition.kind, input));
}

/** Throws one error listing `issues`, each prefixed with `path`. */
function throwIfAny(path: string, input: Record<string, unknown>, issues: Issue[]): void {
  if (issues.length === 0) return;
  throw new Error(issues.map((issue) => `${path}: ${synthMessage(issue, input)}`).join('\n'));
}

/** Warns about each secret given as plain text: it would be written to cdk.tf.json and the plan. */
function plainTextSecretAdvice(kind: KindName, input: unknown): string[] {
  return [...secretsOf(kind, input)]
    .filter(([, value]) => typeof value === 'string' && !Token.isUnresolved(value))
    .map(
      ([pointer]) =>
        `${pointer} is a secret given as plain text: it is written to cdk.tf.json in clear. Pass a sensitive TerraformVariable (new TerraformVariable(stack, 'name', { type: 'string', sensitive: true }).stringValue) instead`,
    );
}

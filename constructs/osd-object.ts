/**
 * The base of every construct that creates a deployment object, and the plain Terraform resource
 * it emits.
 *
 * Modelling and rendering are kept apart: a construct only knows how to state its object in the
 * model's shape (`modelInput`, references written by a given writer). Validation runs the model's
 * checks on that value with stand-in IDs; rendering converts the same value to Terraform's names
 * with `toTerraformValue`, references written as tokens, and emits it as an `osd_*` resource.
 */
import { Construct } from 'constructs';
import { Annotations, TerraformResource, TerraformStack, Token, dependable, type ITerraformDependable } from 'cdktf';
import { KINDS, secretsOf, toTerraformName, toTerraformValue, type Issue, type KindName } from '../lib/model';
import { checkWithUnknowns, shapeIssues, synthMessage } from './checking';
import type { IdWriter } from './model-props';
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
 */
export class ModelResource extends TerraformResource {
  constructor(
    scope: Construct,
    id: string,
    terraformResourceType: string,
    private readonly source: ResourceSource,
  ) {
    super(scope, id, { terraformResourceType });
  }

  protected override synthesizeAttributes(): Record<string, unknown> {
    return this.source.terraformAttributes();
  }

  /** HCL output would need per-attribute type metadata the model does not carry; JSON is what Terraform reads. */
  protected override synthesizeHclAttributes(): Record<string, unknown> {
    throw new Error(`${this.node.path}: osd resources synthesize to JSON only; turn off HCL output (hclOutput / SYNTH_HCL_OUTPUT)`);
  }

  override toTerraform(): Record<string, unknown> {
    const dependencies = this.source.creationDependencies();
    if (dependencies.length > 0) this.dependsOn = dependencies.map((d) => dependable(d));
    return super.toTerraform() as Record<string, unknown>;
  }
}

/** A stand-in ID used only by constructor checks, which look at shapes and never resolve references. */
const SHAPE_CHECK_ID = 'AAA00000';

/** Writes references for shape checks: verifies each is a reference of the right kind, and writes a valid-looking ID. */
export const shapeCheckIds: IdWriter = (value, expected, field) => {
  expectReference(value, expected, field);
  return SHAPE_CHECK_ID;
};

/**
 * A construct that creates one deployment object of `kind`. Subclasses state the object in the
 * model's shape (`modelInput`) and call `assertWellFormed()` at the end of their constructor.
 */
export abstract class OsdObject extends Construct implements IOsdObject, LocalObject {
  /** The kind of object this construct creates. */
  readonly kind: KindName;
  /** The emitted `osd_*` Terraform resource (for meta-arguments such as `lifecycle`). */
  readonly resource: ModelResource;
  /** How other objects refer to this one. */
  readonly [OSD_REFERENCE]: ObjectReference;
  /** The server-assigned ID (`id` attribute), a token until the object exists. */
  protected readonly objectId: string;
  private readonly warned = new Set<string>();

  protected constructor(scope: Construct, id: string, kind: KindName) {
    super(scope, id);
    this.kind = kind;
    this.resource = new ModelResource(this, 'Default', KINDS[kind].terraformType, {
      terraformAttributes: () =>
        this.terraformOnlyAttributes(toTerraformValue(KINDS[this.kind].schema, this.modelInput(terraformIds)) as Record<string, unknown>),
      creationDependencies: () => this.creationDependencies(),
    });
    this.objectId = this.resource.getStringAttribute('id');
    this[OSD_REFERENCE] = { kind, id: this.objectId, local: this };
    ModelRegistry.of(this).registerLocal(this);
    this.node.addValidation({ validate: () => this.validateObject() });
  }

  /**
   * The object in the model's shape: model field names, read-only fields absent, defaults not
   * applied, each reference written by `ids`. Called at validation and again at rendering.
   */
  abstract modelInput(ids: IdWriter): Record<string, unknown>;

  /** Adds attributes that exist in Terraform only, not in the model (e.g. secret versions) to the rendered ones. */
  protected terraformOnlyAttributes(attributes: Record<string, unknown>): Record<string, unknown> {
    return attributes;
  }

  /** Objects this one must be created after although no attribute refers to them (e.g. a program a step installs). */
  protected creationDependencies(): ITerraformDependable[] {
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

  /**
   * Refuses plainly wrong props at once, with the construct path: wrong types, lengths, patterns,
   * missing fields. Rules that need other objects wait for synth, when the app is complete.
   */
  protected assertWellFormed(): void {
    const input = this.modelInput(shapeCheckIds);
    throwIfAny(this, input, shapeIssues(this.kind, input));
  }

  /** Synth-time validation: the model's shape and rules with the whole app known; advice as warnings. */
  private validateObject(): string[] {
    const registry = ModelRegistry.of(this);
    const stack = TerraformStack.of(this);
    const errors: string[] = [];
    if (!registry.serverOf(stack)) {
      errors.push(
        `the stack ${JSON.stringify(stack.node.id)} has no DeploymentServer; add one (new DeploymentServer(stack, 'Server', { ... })) so Terraform knows which provider serves ${KINDS[this.kind].terraformType}`,
      );
    }
    const input = this.modelInput(registry.validationIds);
    const result = checkWithUnknowns(this.kind, input, registry.contextFor(stack));
    const describe = (issue: Issue) => synthMessage(issue, input, (id) => registry.constructPathOf(id));
    errors.push(...result.errors.map(describe));
    for (const warning of [...result.warnings.map(describe), ...plainTextSecretAdvice(this.kind, input), ...this.advice()]) {
      this.warnOnce(warning);
    }
    return errors;
  }

  /** Adds a warning annotation unless this construct has it already (validation may run more than once). */
  protected warnOnce(message: string): void {
    if (this.warned.has(message)) return;
    this.warned.add(message);
    Annotations.of(this).addWarning(message);
  }
}

/** Throws one error listing `issues`, each prefixed with the construct path. */
export function throwIfAny(scope: Construct, input: Record<string, unknown>, issues: Issue[]): void {
  if (issues.length === 0) return;
  throw new Error(issues.map((issue) => `${scope.node.path}: ${synthMessage(issue, input)}`).join('\n'));
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

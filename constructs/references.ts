/**
 * Typed references between deployment objects.
 *
 * A task sequence step names a package, a program, an image; in the model that is an ID string
 * the server assigned (`CM100012`). Stack authors never write those strings: they pass the
 * construct (`clientPackage: client`), or, for an object that already exists on the server, a
 * reference made from its ID once (`SoftwarePackage.fromPackageId(this, 'Office', 'CM100012')`).
 *
 * Every reference carries an `ObjectReference` under the `OSD_REFERENCE` symbol: the kind of
 * object, the ID as Terraform sees it (a token such as `${osd_package.office.id}` for an object
 * created in the app, the literal ID for an imported one), and, for an object created in the app,
 * the construct that defines it, which validation reads to check rules across objects at synth.
 */
import { Construct, type IConstruct } from 'constructs';
import { Token } from 'cdktf';
import { KINDS, PACKAGE_ID_PATTERN, type KindName, type PackageRole } from '../lib/model';
import type { IdWriter } from './model-props';
import type { Program } from './program';
import type { ProgramOptions } from './generated/props';

/** The key under which every reference keeps its `ObjectReference`. */
export const OSD_REFERENCE: unique symbol = Symbol.for('cdk-osd.reference');

/** What the constructs know about an object another object refers to. */
export interface ObjectReference {
  /** The kind of object (`package`, `program`, `bootImage`, …). */
  readonly kind: KindName;
  /** The ID as Terraform sees it: a token for an object created in the app, the literal ID of an imported one. */
  readonly id: string;
  /** The construct that creates the object in this app; absent for an object imported by ID. */
  readonly local?: LocalObject;
}

/**
 * A construct that creates a deployment object in this app. Validation asks it for its value in
 * the model's shape, with references written by the given writer (stand-in IDs at synth, tokens
 * when rendering), so rules that look at referenced objects can run before anything exists.
 */
export interface LocalObject extends IConstruct {
  /** The kind of object the construct creates. */
  readonly kind: KindName;
  /** The object in the model's shape (read-only fields absent, defaults not applied). */
  modelInput(ids: IdWriter): Record<string, unknown>;
}

/** Anything a deployment object can refer to: a construct of this library or an imported object. */
export interface IOsdObject extends IConstruct {
  /** How the object is referred to; used by the library, not by stack authors. */
  readonly [OSD_REFERENCE]: ObjectReference;
}

/** A package (`SMS_Package`) of any role. */
export interface IPackage extends IOsdObject {
  /** The package ID (`CM100012`), as a Terraform token until the package exists. */
  readonly packageId: string;
  /** What the package is for: software, USMT tools, the ConfigMgr client or vendor tools. */
  readonly role: PackageRole;
  /**
   * Adds a program to the package: a `Program` construct under it, which refers to the package by
   * its ID (a token for a package of this app, the literal ID of an imported one). `id` is the
   * construct id and, unless `options.name` is given, the program name.
   */
  addProgram(id: string, options: ProgramOptions): Program;
}

/** A package holding the USMT tools and rule files (R5). */
export interface IUsmtPackage extends IPackage {
  readonly role: 'usmt';
}

/** The ConfigMgr client installation package (R3). */
export interface IClientPackage extends IPackage {
  readonly role: 'client';
}

/** A package of vendor tools for server hardware steps (R6). */
export interface IToolsPackage extends IPackage {
  readonly role: 'tools';
}

/** A program of a package. Programs are addressed by their package and their name. */
export interface IProgram extends IOsdObject {
  /** The package the program belongs to. */
  readonly package: IPackage;
  /** The program name (`ProgramName`), unique within its package. */
  readonly programName: string;
  /** The program's ID, `<packageId>/<name>`, as a Terraform token until the program exists. */
  readonly programId: string;
}

/** A captured operating system image (`.wim`). */
export interface IOsImage extends IOsdObject {
  /** The image package ID, as a Terraform token until the image exists. */
  readonly osImageId: string;
}

/** An operating system install package (setup files). */
export interface IOsInstallPackage extends IOsdObject {
  /** The install package ID, as a Terraform token until the package exists. */
  readonly osInstallPackageId: string;
}

/** A Windows PE boot image. */
export interface IBootImage extends IOsdObject {
  /** The boot image package ID, as a Terraform token until the image exists. */
  readonly bootImageId: string;
}

/** A driver package. */
export interface IDriverPackage extends IOsdObject {
  /** The driver package ID, as a Terraform token until the package exists. */
  readonly driverPackageId: string;
}

/** A task sequence. */
export interface ITaskSequence extends IOsdObject {
  /** The task sequence package ID, as a Terraform token until it exists. */
  readonly taskSequenceId: string;
}

/** The reference inside `value`, or undefined when `value` is not a reference of this library. */
export function referenceOf(value: unknown): ObjectReference | undefined {
  if (typeof value !== 'object' || value === null || !(OSD_REFERENCE in value)) return undefined;
  return (value as IOsdObject)[OSD_REFERENCE];
}

/**
 * The reference inside `value`, checked to be of the `expected` kind. `field` names the prop in the
 * error, after `where` (a construct path, a step) when the caller knows one. Throws when a stack
 * passes something else, e.g. an ID string instead of a reference.
 */
export function expectReference(value: unknown, expected: KindName, field: string, where?: string): ObjectReference {
  const ref = referenceOf(value);
  const title = KINDS[expected].title.toLowerCase();
  const at = where ? `${where}: ${field}` : field;
  if (!ref) {
    const got = typeof value === 'string' ? `the string ${JSON.stringify(value)}` : `a ${value === null ? 'null' : typeof value}`;
    throw new Error(`${at}: expected a reference to a ${title} (a construct of this library, or one made with fromPackageId), got ${got}`);
  }
  if (ref.kind !== expected) {
    throw new Error(`${at}: expected a reference to a ${title}, got a ${KINDS[ref.kind].title.toLowerCase()}`);
  }
  return ref;
}

/** Writes references as Terraform sees them: tokens for objects in the app, literal IDs for imported ones. */
export const terraformIds: IdWriter = (value, expected, field) => expectReference(value, expected, field).id;

/**
 * Checks an ID given to `fromPackageId` and friends. A token (e.g. from a TerraformVariable) is
 * accepted as it is: its value is only known to Terraform.
 */
export function assertPackageId(scope: IConstruct, id: string, what: string): void {
  if (Token.isUnresolved(id)) return;
  if (!new RegExp(PACKAGE_ID_PATTERN).test(id)) {
    throw new Error(
      `${scope.node.path}: ${JSON.stringify(id)} is not a ${what} ID; expected a 3-character site code and 5 hex digits, e.g. "CM100012"`,
    );
  }
}

/**
 * Makes a reference to an object that exists on the server already. The construct creates
 * nothing; rules that need the object's content are left to plan and apply.
 */
export function importedObject<T extends IOsdObject>(
  scope: Construct,
  id: string,
  kind: KindName,
  objectId: string,
  attributes: Omit<T, keyof IOsdObject>,
): T {
  const construct = new Construct(scope, id);
  Object.assign(construct, attributes);
  Object.defineProperty(construct, OSD_REFERENCE, { value: { kind, id: objectId } satisfies ObjectReference });
  return construct as unknown as T;
}

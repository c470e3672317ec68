/**
 * The registry of object kinds: each kind's schema, how its objects are identified and addressed,
 * and what the model derives for it. Everything that needs a list of kinds (server routes, client
 * methods, provider resources, docs) reads it here; nothing outside a kind's own definition asks
 * which kind it is looking at.
 */
import type { TObject } from '@sinclair/typebox';
import { PACKAGE_ID_PATTERN } from './annotations';
import { BootImageSchema } from './boot-image';
import { DriverPackageSchema } from './driver-package';
import { OsImageSchema } from './os-image';
import { OsInstallPackageSchema } from './os-install-package';
import { DEFAULT_CLIENT_SOURCE, PackageSchema } from './package';
import { programFlags, ProgramSchema, type Program } from './program';
import { TaskSequenceSchema } from './task-sequence';

/** How the objects of a kind are identified. */
export interface IdFormat {
  /** An ID of the kind, for messages and docs (`CM100012`, `CM100012/Install`). */
  readonly example: string;
  /** What an ID of the kind looks like, in words, for messages. */
  readonly description: string;
  /** The fields an ID stands for (`{ id }`, or `{ packageId, name }` for a program); undefined when `id` is not an ID of the kind. */
  parse(id: string): Readonly<Record<string, string>> | undefined;
  /**
   * The ID of an object from its own fields, for kinds whose ID those fields make (a program's
   * `<packageId>/<name>`); undefined for a kind whose IDs the server assigns, or when a field is missing.
   */
  fromFields(fields: Readonly<Record<string, unknown>>): string | undefined;
}

export interface KindDefinition {
  /** Identifier used in references (`references: 'bootImage'`) and code. */
  readonly kind: KindName;
  /** Human name, for messages and docs. */
  readonly title: string;
  /** Path segment of the collection under `/api/v1` (a kind with a parent: under the parent object). */
  readonly collection: string;
  /** Terraform resource type. */
  readonly terraformType: string;
  /** ConfigMgr `PackageType`, for kinds that are packages (they share one ID space). */
  readonly packageType?: number;
  readonly schema: TObject;
  readonly id: IdFormat;
  /** Fields that together must be unique among objects of the kind (409 on a duplicate). */
  readonly uniqueBy: readonly string[];
  /** For kinds that live under another object: the field that holds the parent's ID. */
  readonly parentField?: string;
  /**
   * Fills what the model computes from an object's other fields (read-only fields such as a
   * program's flags word, defaults that depend on other fields), in place. Defaults that the
   * schema states are filled before.
   */
  readonly derive?: (value: Record<string, unknown>) => void;
  /** A hand-written page under docs/ on how to use the kind, which its reference page links to. */
  readonly guide?: { readonly title: string; readonly page: string };
}

export type KindName = 'package' | 'program' | 'osImage' | 'osInstallPackage' | 'bootImage' | 'driverPackage' | 'taskSequence';

const packageIdPattern = new RegExp(PACKAGE_ID_PATTERN);

/** Package kinds share one ID space: the server assigns site code + 5 hex digits. */
const packageId: IdFormat = {
  example: 'CM100012',
  description: 'a package ID: the 3-character site code and 5 hex digits, e.g. CM100012',
  parse: (id) => (packageIdPattern.test(id) ? { id } : undefined),
  fromFields: () => undefined,
};

const packageKind = (
  kind: KindName,
  title: string,
  collection: string,
  packageType: number,
  schema: TObject,
  derive?: (value: Record<string, unknown>) => void,
): KindDefinition => ({
  kind,
  title,
  collection,
  terraformType: `osd_${collection.replace(/-/g, '_').replace(/s$/, '')}`,
  packageType,
  schema,
  id: packageId,
  uniqueBy: ['name', 'version'],
  ...(derive ? { derive } : {}),
});

/** A program is named by its package and its name: `<packageId>/<name>` (split at the first `/`: package IDs have none). */
const programId: IdFormat = {
  example: 'CM100012/Install',
  description: '<packageId>/<program name>, e.g. CM100012/Install',
  parse(id) {
    const slash = id.indexOf('/');
    if (slash < 0 || slash === id.length - 1 || !packageIdPattern.test(id.slice(0, slash))) return undefined;
    return { packageId: id.slice(0, slash), name: id.slice(slash + 1) };
  },
  fromFields: (f) => (typeof f.packageId === 'string' && typeof f.name === 'string' ? `${f.packageId}/${f.name}` : undefined),
};

export const KINDS: Readonly<Record<KindName, KindDefinition>> = {
  package: packageKind('package', 'Package', 'packages', 0, PackageSchema, (pkg) => {
    // R3: the client installation files are on every site server at a known place.
    if (pkg.role === 'client' && !pkg.sourcePath) pkg.sourcePath = DEFAULT_CLIENT_SOURCE;
  }),
  program: {
    kind: 'program',
    title: 'Program',
    collection: 'programs',
    terraformType: 'osd_program',
    schema: ProgramSchema,
    id: programId,
    uniqueBy: ['packageId', 'name'],
    parentField: 'packageId',
    derive: (program) => {
      program.flags = programFlags(program as Program);
    },
  },
  osImage: packageKind('osImage', 'OS image', 'os-images', 257, OsImageSchema),
  osInstallPackage: packageKind('osInstallPackage', 'OS install package', 'os-install-packages', 259, OsInstallPackageSchema),
  bootImage: packageKind('bootImage', 'Boot image', 'boot-images', 258, BootImageSchema),
  driverPackage: packageKind('driverPackage', 'Driver package', 'driver-packages', 3, DriverPackageSchema),
  taskSequence: {
    ...packageKind('taskSequence', 'Task sequence', 'task-sequences', 4, TaskSequenceSchema),
    guide: { title: 'task sequences: steps, conditions, where steps run (R6), ConfigMgr storage', page: 'task-sequences.md' },
  },
};

export const KIND_NAMES = Object.keys(KINDS) as KindName[];

/** The ID of a stored object as the API and Terraform address it: its own fields' ID (a program), else its `id`. */
export function objectId(kind: KindName, obj: Readonly<Record<string, unknown>>): string {
  return KINDS[kind].id.fromFields(obj) ?? String(obj.id);
}

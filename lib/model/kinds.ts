/**
 * The registry of object kinds: each kind's schema and how it is addressed. Everything that
 * needs a list of kinds (server routes, client methods, provider resources, docs) reads it here.
 */
import type { TObject } from '@sinclair/typebox';
import { BootImageSchema } from './boot-image';
import { DriverPackageSchema } from './driver-package';
import { OsImageSchema } from './os-image';
import { OsInstallPackageSchema } from './os-install-package';
import { PackageSchema } from './package';
import { ProgramSchema } from './program';
import { TaskSequenceSchema } from './task-sequence';

export interface KindDefinition {
  /** Identifier used in references (`references: 'bootImage'`) and code. */
  readonly kind: KindName;
  /** Human name, for messages and docs. */
  readonly title: string;
  /** Path segment of the collection under `/api/v1` (programs: under their package). */
  readonly collection: string;
  /** Terraform resource type. */
  readonly terraformType: string;
  /** ConfigMgr `PackageType`, for kinds that are packages (they share one ID space). */
  readonly packageType?: number;
  readonly schema: TObject;
  /** Fields that together must be unique among objects of the kind (409 on a duplicate). */
  readonly uniqueBy: readonly string[];
  /** For kinds that live under another object: the field that holds the parent's ID. */
  readonly parentField?: string;
}

export type KindName = 'package' | 'program' | 'osImage' | 'osInstallPackage' | 'bootImage' | 'driverPackage' | 'taskSequence';

const packageKind = (
  kind: KindName,
  title: string,
  collection: string,
  packageType: number,
  schema: TObject,
): KindDefinition => ({
  kind,
  title,
  collection,
  terraformType: `osd_${collection.replace(/-/g, '_').replace(/s$/, '')}`,
  packageType,
  schema,
  uniqueBy: ['name', 'version'],
});

export const KINDS: Readonly<Record<KindName, KindDefinition>> = {
  package: packageKind('package', 'Package', 'packages', 0, PackageSchema),
  program: {
    kind: 'program',
    title: 'Program',
    collection: 'programs',
    terraformType: 'osd_program',
    schema: ProgramSchema,
    uniqueBy: ['packageId', 'name'],
    parentField: 'packageId',
  },
  osImage: packageKind('osImage', 'OS image', 'os-images', 257, OsImageSchema),
  osInstallPackage: packageKind('osInstallPackage', 'OS install package', 'os-install-packages', 259, OsInstallPackageSchema),
  bootImage: packageKind('bootImage', 'Boot image', 'boot-images', 258, BootImageSchema),
  driverPackage: packageKind('driverPackage', 'Driver package', 'driver-packages', 3, DriverPackageSchema),
  taskSequence: packageKind('taskSequence', 'Task sequence', 'task-sequences', 4, TaskSequenceSchema),
};

export const KIND_NAMES = Object.keys(KINDS) as KindName[];

/** The ID of an object as the API and Terraform address it: the package ID, or `<packageId>/<name>` for a program. */
export function objectId(kind: KindName, obj: Record<string, unknown>): string {
  return kind === 'program' ? `${String(obj.packageId)}/${String(obj.name)}` : String(obj.id);
}

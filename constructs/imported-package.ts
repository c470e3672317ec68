/** Bringing in a package-kind object that exists on the server already, by its package ID. */
import { Construct } from 'constructs';
import type { KindName, PackageRole } from '../lib/model';
import type { ProgramOptions } from './generated/props';
import { Program } from './program';
import { OSD_REFERENCE, assertPackageId, importedObject, type IOsdObject, type IPackage, type ObjectReference } from './references';
import { ModelRegistry } from './registry';

/**
 * A reference to the object of `kind` with ID `packageId`, after checking the ID's form (`what`
 * names the kind in the error). The ID is recorded so no stand-in ID of a new object ever equals it.
 */
export function importPackage<T extends IOsdObject>(
  scope: Construct,
  id: string,
  kind: KindName,
  what: string,
  packageId: string,
  attributes: Omit<T, keyof IOsdObject>,
): T {
  admitImportedId(scope, packageId, what);
  return importedObject<T>(scope, id, kind, packageId, attributes);
}

/** A package of `role` that exists on the server. It can take programs, created in this app. */
export function importPackageOfRole<T extends IPackage>(scope: Construct, id: string, packageId: string, role: T['role']): T {
  admitImportedId(scope, packageId, 'package');
  return new ImportedPackage(scope, id, packageId, role) as unknown as T;
}

function admitImportedId(scope: Construct, packageId: string, what: string): void {
  assertPackageId(scope, packageId, what);
  ModelRegistry.of(scope).registerImported(packageId);
}

/** A package that exists on the server: referred to by its literal ID. Creates nothing itself. */
class ImportedPackage extends Construct implements IPackage {
  readonly [OSD_REFERENCE]: ObjectReference;

  constructor(
    scope: Construct,
    id: string,
    readonly packageId: string,
    readonly role: PackageRole,
  ) {
    super(scope, id);
    this[OSD_REFERENCE] = { kind: 'package', id: packageId };
  }

  addProgram(id: string, options: ProgramOptions): Program {
    return new Program(this, id, { ...options, package: this });
  }
}

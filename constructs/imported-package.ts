/** Bringing in a package-kind object that exists on the server already, by its package ID. */
import type { Construct } from 'constructs';
import type { KindName } from '../lib/model';
import { assertPackageId, importedObject, type IOsdObject } from './references';
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
  assertPackageId(scope, packageId, what);
  ModelRegistry.of(scope).registerImported(packageId);
  return importedObject<T>(scope, id, kind, packageId, attributes);
}

/**
 * The package properties both the 2007 wrapper and object.xml carry beside the sequence, under the
 * same `SMS_TaskSequencePackage` property names.
 */
import type { PackageSummary } from './document';

const SUMMARY_PROPERTIES = {
  packageId: 'PackageID',
  name: 'Name',
  description: 'Description',
  bootImageId: 'BootImageID',
} as const satisfies Record<keyof PackageSummary, string>;

/** `valueOf` gives a property's text by its WMI name, or undefined when the file does not have it. */
export function packageSummary(valueOf: (property: string) => string | undefined): PackageSummary {
  const summary: Partial<Record<keyof PackageSummary, string>> = {};
  for (const [field, property] of Object.entries(SUMMARY_PROPERTIES) as [keyof PackageSummary, string][]) {
    const value = valueOf(property);
    if (value !== undefined) summary[field] = value;
  }
  return summary;
}

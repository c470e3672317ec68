/**
 * Valid objects of every kind, small and distinct (a `tag` makes names unique), for tests that
 * need "some object" rather than a particular one.
 */
import type { KindName } from '../../lib/model';

export const UNC = '\\\\srv01\\sources';

export function packageBody(tag: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { name: `Package ${tag}`, version: '1.0', sourcePath: `${UNC}\\${tag}`, ...extra };
}

export function programBody(name: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { name, commandLine: 'setup.exe /quiet', ...extra };
}

/** A program that an Install Software step accepts (Local System, no interaction, no reboot of its own). */
export function installableProgramBody(name: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return programBody(name, { adminRights: true, runWhen: 'whetherOrNotUserLoggedOn', ...extra });
}

export function usmtPackageBody(tag: string, usmt: Record<string, unknown> = {}): Record<string, unknown> {
  return packageBody(tag, { role: 'usmt', usmt: { usmtVersion: '3.0', architecture: 'x86', ruleFiles: ['MigApp.xml', 'MigUser.xml'], ...usmt } });
}

export function osImageBody(tag: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { name: `Image ${tag}`, version: '1', sourcePath: `${UNC}\\${tag}.wim`, ...extra };
}

export function osInstallPackageBody(tag: string): Record<string, unknown> {
  return { name: `Setup ${tag}`, version: '1', sourcePath: `${UNC}\\setup-${tag}` };
}

export function bootImageBody(tag: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { name: `WinPE ${tag}`, version: '1', sourcePath: `${UNC}\\boot-${tag}.wim`, architecture: 'x86', ...extra };
}

export function driverPackageBody(tag: string): Record<string, unknown> {
  return { name: `Drivers ${tag}`, version: '1', sourcePath: `${UNC}\\drivers-${tag}`, drivers: [{ infFile: 'nic.inf', driverClass: 'Net' }] };
}

export function taskSequenceBody(tag: string, steps: unknown[] = [], extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { name: `Deploy ${tag}`, version: '1', steps, ...extra };
}

/** A body for each kind that needs no other object (programs need a package: see `programBody`). */
export const STANDALONE_BODIES: Record<Exclude<KindName, 'program'>, (tag: string) => Record<string, unknown>> = {
  package: (tag) => packageBody(tag),
  osImage: (tag) => osImageBody(tag),
  osInstallPackage: osInstallPackageBody,
  bootImage: (tag) => bootImageBody(tag),
  driverPackage: driverPackageBody,
  taskSequence: (tag) => taskSequenceBody(tag, [{ name: 'Partition', partitionDisk: { partitions: [{ size: 100 }] } }]),
};

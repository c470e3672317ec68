/**
 * Regular packages (`SMS_Package`, PackageType 0) by the role they play in operating system
 * deployment: software (`SoftwarePackage`), the USMT tools (`UsmtPackage`, R5), the ConfigMgr
 * client (`ClientPackage`, R3/R4) and vendor tools for server hardware (`VendorToolsPackage`, R6).
 * They share one model kind, `package`, told apart by `role`.
 */
import type { Construct } from 'constructs';
import type { Static } from '@sinclair/typebox';
import { DEFAULT_CLIENT_SOURCE, PackageSchema, UsmtSettingsSchema, type PackageRole } from '../lib/model';
import { modelFromProps, type IdWriter, type Simplify } from './model-props';
import { OsdObject } from './osd-object';
import { Program, type ProgramOptions } from './program';
import {
  type IClientPackage,
  type IOsdObject,
  type IPackage,
  type IToolsPackage,
  type IUsmtPackage,
} from './references';
import { importPackage } from './imported-package';

type PackageModel = Static<typeof PackageSchema>;
type UsmtSettings = Static<typeof UsmtSettingsSchema>;

/** The fields every package role shares: the identity shown in the console and where the content is. */
export type PackageProps = Simplify<Omit<PackageModel, 'id' | 'role' | 'usmt'>>;

/** The same, with the content location required (for roles whose content the steps use). */
export type PackageWithContentProps = Simplify<PackageProps & Required<Pick<PackageModel, 'sourcePath'>>>;

/** Makes a reference to a package of `role` that exists on the server. */
function importPackageOfRole<T extends IPackage>(scope: Construct, id: string, packageId: string, role: T['role']): T {
  return importPackage<T>(scope, id, 'package', 'package', packageId, { packageId, role } as Omit<T, keyof IOsdObject>);
}

/** What all package constructs have in common: the `package` resource, and programs. */
abstract class PackageConstruct extends OsdObject implements IPackage {
  /** The package ID (`CM100012`), a token until the package exists. */
  readonly packageId: string;
  /** The package's role. */
  abstract readonly role: PackageRole;

  protected constructor(
    scope: Construct,
    id: string,
    protected readonly props: PackageProps,
  ) {
    super(scope, id, 'package');
    this.packageId = this.objectId;
  }

  /**
   * Adds a program to the package. `id` is the construct id and, unless `options.name` is given,
   * the program name.
   */
  addProgram(id: string, options: ProgramOptions): Program {
    return new Program(this, id, { ...options, package: this });
  }

  modelInput(ids: IdWriter): Record<string, unknown> {
    return { ...modelFromProps(PackageSchema, this.props, ids), role: this.role };
  }
}

/** A package of software, installed by its programs (Install Software steps). */
export class SoftwarePackage extends PackageConstruct {
  /** A reference to a software package that exists on the server (e.g. `'CM100012'`). */
  static fromPackageId(scope: Construct, id: string, packageId: string): IPackage {
    return importPackageOfRole<IPackage>(scope, id, packageId, 'software');
  }

  readonly role = 'software' as const;

  constructor(scope: Construct, id: string, props: PackageProps) {
    super(scope, id, props);
    this.assertWellFormed();
  }
}

/** Props of a `UsmtPackage`: the package identity, its content, and the USMT settings (R5). */
export type UsmtPackageProps = Simplify<
  PackageWithContentProps &
    Omit<UsmtSettings, 'ruleFiles'> & {
      /**
       * The migration rule files the package contains (R5: at least one; `.xml` or `.inf`).
       * @default the USMT 3.0 rule files: MigApp.xml, MigUser.xml, MigSys.xml
       */
      readonly ruleFiles?: string[];
    }
>;

/** USMT 3.0's standard migration rule files. */
const USMT_STANDARD_RULE_FILES = ['MigApp.xml', 'MigUser.xml', 'MigSys.xml'];

/**
 * The User State Migration Tool (R5): `scanstate`/`loadstate` and the migration rule files, for
 * Capture User State and Restore User State steps. It needs no program. x86 and x64 builds share
 * file names, so each architecture is its own package.
 */
export class UsmtPackage extends PackageConstruct implements IUsmtPackage {
  /** A reference to a USMT package that exists on the server. */
  static fromPackageId(scope: Construct, id: string, packageId: string): IUsmtPackage {
    return importPackageOfRole<IUsmtPackage>(scope, id, packageId, 'usmt');
  }

  readonly role = 'usmt' as const;
  private readonly usmt: UsmtSettings;

  constructor(scope: Construct, id: string, props: UsmtPackageProps) {
    super(scope, id, props);
    this.usmt = {
      usmtVersion: props.usmtVersion,
      architecture: props.architecture,
      ruleFiles: props.ruleFiles ?? USMT_STANDARD_RULE_FILES,
    };
    this.assertWellFormed();
  }

  override modelInput(ids: IdWriter): Record<string, unknown> {
    return { ...super.modelInput(ids), usmt: this.usmt };
  }
}

/** Props of a `ClientPackage`: every field has a default. */
export type ClientPackageProps = Simplify<Partial<PackageProps>>;

/**
 * The ConfigMgr client installation package (R3). It backs the Setup Windows and ConfigMgr step
 * and needs no program: the installation properties go on the step.
 */
export class ClientPackage extends PackageConstruct implements IClientPackage {
  /** A reference to the client package that exists on the server. */
  static fromPackageId(scope: Construct, id: string, packageId: string): IClientPackage {
    return importPackageOfRole<IClientPackage>(scope, id, packageId, 'client');
  }

  readonly role = 'client' as const;

  /**
   * @param props `name` defaults to "Configuration Manager Client Package"; `sourcePath` to the
   *   client files on the site server, `%ProgramFiles%\Microsoft Configuration Manager\Client` (R3).
   */
  constructor(scope: Construct, id: string, props: ClientPackageProps = {}) {
    super(scope, id, {
      ...props,
      name: props.name ?? 'Configuration Manager Client Package',
      // Written out rather than left to the server, so the plan shows where the files come from.
      sourcePath: props.sourcePath ?? DEFAULT_CLIENT_SOURCE,
    });
    this.assertWellFormed();
  }

  /**
   * Adds a program to the client package. It is not needed (R3); if there is one, R4 recommends it
   * run only when no user is logged on, from the network share: those are the defaults here, and
   * anything else is reported as a warning at synth.
   */
  override addProgram(id: string, options: ProgramOptions): Program {
    return super.addProgram(id, options);
  }
}

/**
 * Vendor tools for server hardware steps (R6): e.g. the Dell OpenManage Deployment Toolkit or the
 * HP SmartStart Scripting Toolkit, with their BIOS and RAID configuration files. Versioned on its
 * own, unlike tools baked into the boot image, which need a boot image rebuild on every update.
 */
export class VendorToolsPackage extends PackageConstruct implements IToolsPackage {
  /** A reference to a vendor tools package that exists on the server. */
  static fromPackageId(scope: Construct, id: string, packageId: string): IToolsPackage {
    return importPackageOfRole<IToolsPackage>(scope, id, packageId, 'tools');
  }

  readonly role = 'tools' as const;

  constructor(scope: Construct, id: string, props: PackageWithContentProps) {
    super(scope, id, props);
    this.assertWellFormed();
  }
}

/**
 * Regular packages (`SMS_Package`, PackageType 0) by the role they play in operating system
 * deployment: software (`SoftwarePackage`), the USMT tools (`UsmtPackage`, R5), the ConfigMgr
 * client (`ClientPackage`, R3/R4) and vendor tools for server hardware (`VendorToolsPackage`, R6).
 * They share one model kind, `package`, told apart by `role`, and one Terraform resource type,
 * `osd_package`: in cdktf's matchers (`toHaveResourceWithProperties(SoftwarePackage, …)`) give
 * `role` to tell them apart.
 */
import type { Construct } from 'constructs';
import { DEFAULT_CLIENT_SOURCE, KINDS, type PackageRole } from '../lib/model';
import type { ClientPackageProps, PackageProps, PackageWithContentProps, ProgramOptions, UsmtPackageProps } from './generated/props';
import { modelFromProps, type IdWriter } from './model-props';
import { OsdObject } from './osd-object';
import { Program } from './program';
import { DEFAULT_CLIENT_PACKAGE_NAME, PACKAGE_PROPS, USMT_PACKAGE_PROPS, USMT_STANDARD_RULE_FILES } from './props-spec';
import type { IClientPackage, IPackage, IToolsPackage, IUsmtPackage } from './references';
import { importPackageOfRole } from './imported-package';

/** What all package constructs have in common: the `package` resource of a role, and programs. */
abstract class PackageConstruct extends OsdObject implements IPackage {
  static readonly tfResourceType: string = KINDS.package.terraformType;

  /** The package ID (`CM100012`), a token until the package exists. */
  readonly packageId: string;

  protected constructor(
    scope: Construct,
    id: string,
    props: PackageProps,
    /** The package's role. */
    readonly role: PackageRole,
    more?: (ids: IdWriter) => Record<string, unknown>,
  ) {
    super(scope, id, { kind: 'package', props, specs: [PACKAGE_PROPS], more: (ids) => ({ role, ...more?.(ids) }) });
    this.packageId = this.objectId;
  }

  /**
   * Adds a program to the package. `id` is the construct id and, unless `options.name` is given,
   * the program name. The program is meant for a task sequence unless `forTaskSequence` is false.
   */
  addProgram(id: string, options: ProgramOptions): Program {
    return new Program(this, id, { ...options, package: this });
  }
}

/** A package of software, installed by its programs (Install Software steps). */
export class SoftwarePackage extends PackageConstruct {
  /** A reference to a software package that exists on the server (e.g. `'CM100012'`); it can take programs. */
  static fromPackageId(scope: Construct, id: string, packageId: string): IPackage {
    return importPackageOfRole<IPackage>(scope, id, packageId, 'software');
  }

  declare readonly role: 'software';

  constructor(scope: Construct, id: string, props: PackageProps) {
    super(scope, id, props, 'software');
  }
}

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

  declare readonly role: 'usmt';

  constructor(scope: Construct, id: string, props: UsmtPackageProps) {
    const settings = { ...props, ruleFiles: props.ruleFiles ?? USMT_STANDARD_RULE_FILES };
    super(scope, id, props, 'usmt', (ids) => ({ usmt: modelFromProps(USMT_PACKAGE_PROPS, settings, ids) }));
  }
}

/**
 * The ConfigMgr client installation package (R3). It backs the Setup Windows and ConfigMgr step
 * and needs no program: the installation properties go on the step.
 */
export class ClientPackage extends PackageConstruct implements IClientPackage {
  /** A reference to the client package that exists on the server. */
  static fromPackageId(scope: Construct, id: string, packageId: string): IClientPackage {
    return importPackageOfRole<IClientPackage>(scope, id, packageId, 'client');
  }

  declare readonly role: 'client';

  constructor(scope: Construct, id: string, props: ClientPackageProps = {}) {
    // The source is written out rather than left to the server, so the plan shows where the files come from.
    super(scope, id, { ...props, name: props.name ?? DEFAULT_CLIENT_PACKAGE_NAME, sourcePath: props.sourcePath ?? DEFAULT_CLIENT_SOURCE }, 'client');
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

  declare readonly role: 'tools';

  constructor(scope: Construct, id: string, props: PackageWithContentProps) {
    super(scope, id, props, 'tools');
  }
}

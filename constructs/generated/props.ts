/**
 * Construct props, generated from the resource model (lib/model) and constructs/props-spec.ts by
 * `npm run docs`. Do not edit: change the model or the spec and run it again (a test fails when
 * this file is stale).
 */
import type { Condition } from '../conditions';
import type { ConfigMgrVersion } from '../../lib/model';
import type { IBootImage, IClientPackage, IDriverPackage, IOsImage, IOsInstallPackage, IPackage, IProgram, IToolsPackage, IUsmtPackage } from '../references';

/**
 * Props of a `DeploymentServer`: the provider's settings, each optional (the provider reads `OSD_*` environment variables for what is left out), and what synth may know of the site.
 */
export interface DeploymentServerProps {
  /**
   * Base URL of the deployment server, e.g. `http://127.0.0.1:8780`. Default: `OSD_ENDPOINT`.
   */
  readonly endpoint?: string;
  /**
   * Bearer token of an admin (or, for plans only, a reader). Default: `OSD_TOKEN`. Not empty.
   * A secret: pass a sensitive `TerraformVariable`'s value, so it stays out of git and cdk.tf.json; it is never in a plan or state.
   */
  readonly token?: string;
  /**
   * Seconds to wait for the answer to one request. Default: `OSD_TIMEOUT`, else 30. A whole number from 1 to 3600.
   */
  readonly timeout?: number;
  /**
   * Seconds one operation may keep retrying a request that failed with 429, 502–504 or a network error, waiting between attempts with backoff, or as long as `Retry-After` asks within this time (other 4xx answers are never retried). 0: no retries. Default: `OSD_RETRY_TIMEOUT`, else 60. A whole number from 0 to 3600.
   */
  readonly retryTimeout?: number;
  /**
   * At most this many retries of one request, besides `retry_timeout`. Default: `OSD_MAX_RETRIES`, else no limit but `retry_timeout`. A whole number from 0 to 1000.
   */
  readonly maxRetries?: number;
  /**
   * The site's ConfigMgr version, when known. Construct-only (not sent to the provider): it lets synth refuse a USMT package the site cannot use (R5: 2007 and SP1 take USMT 3.0, SP2 also 4.0).
   * @default unknown: the server checks at plan and apply
   */
  readonly configMgrVersion?: ConfigMgrVersion;
}

/**
 * Props of a `SoftwarePackage`: the identity shown in the console and where the content is. The role is the construct's.
 */
export interface PackageProps {
  /**
   * Name shown in the console (≤ 50 characters). No control characters.
   */
  readonly name: string;
  /**
   * Version (≤ 32 characters). Name + version are unique per kind.
   */
  readonly version?: string;
  /**
   * Manufacturer (≤ 32 characters).
   */
  readonly manufacturer?: string;
  /**
   * Language (≤ 32 characters).
   */
  readonly language?: string;
  /**
   * Comment (≤ 127 characters).
   */
  readonly description?: string;
  /**
   * Where the content is (UNC or a local path on the site server). For the client role it defaults to `%ProgramFiles%\Microsoft Configuration Manager\Client` (R3); other roles without a source have no content. At most 255 characters.
   * @default none: the package has no content
   */
  readonly sourcePath?: string;
}

/**
 * Props of a package whose content the steps use (`VendorToolsPackage`, and the base of `UsmtPackageProps`): the source is required.
 */
export interface PackageWithContentProps extends PackageProps {
  /**
   * Where the content is (UNC or a local path on the site server). For the client role it defaults to `%ProgramFiles%\Microsoft Configuration Manager\Client` (R3); other roles without a source have no content. At most 255 characters.
   */
  readonly sourcePath: string;
}

/**
 * Props of a `UsmtPackage`: the package identity, its content, and the USMT settings (R5), flat.
 */
export interface UsmtPackageProps extends PackageWithContentProps {
  /**
   * USMT version of the package content; the site decides which are allowed (R5).
   */
  readonly usmtVersion: '3.0' | '4.0';
  /**
   * USMT x86 and x64 builds share file names, so each architecture is its own package.
   */
  readonly architecture: 'x86' | 'x64';
  /**
   * Migration rule files the package contains; at least one (R5). 1 to 50 items. Each: A migration rule file name (`MigApp.xml`, `MigUser.xml`, a custom `.xml` or `.inf`).
   * @default the USMT 3.0 rule files, `MigApp.xml`, `MigUser.xml`, `MigSys.xml`
   */
  readonly ruleFiles?: string[];
}

/**
 * Props of a `ClientPackage`: every one has a default.
 */
export interface ClientPackageProps {
  /**
   * Name shown in the console (≤ 50 characters). No control characters.
   * @default 'Configuration Manager Client Package'
   */
  readonly name?: string;
  /**
   * Version (≤ 32 characters). Name + version are unique per kind.
   */
  readonly version?: string;
  /**
   * Manufacturer (≤ 32 characters).
   */
  readonly manufacturer?: string;
  /**
   * Language (≤ 32 characters).
   */
  readonly language?: string;
  /**
   * Comment (≤ 127 characters).
   */
  readonly description?: string;
  /**
   * Where the content is (UNC or a local path on the site server). For the client role it defaults to `%ProgramFiles%\Microsoft Configuration Manager\Client` (R3); other roles without a source have no content. At most 255 characters.
   * @default the client files on the site server, `%ProgramFiles%\Microsoft Configuration Manager\Client` (R3); written out, so the plan shows it
   */
  readonly sourcePath?: string;
}

/**
 * A program's settings, as `addProgram` takes them: the model's program fields, without the package (the one `addProgram` is called on).
 */
export interface ProgramOptions {
  /**
   * Program name (≤ 50 characters); cannot be renamed. No control characters.
   * It cannot change once the object exists: a change replaces the object.
   * @default the construct id
   */
  readonly name?: string;
  /**
   * Command line (≤ 255 bytes). Not empty.
   */
  readonly commandLine: string;
  /**
   * Working directory (≤ 127 characters).
   */
  readonly workingDirectory?: string;
  /**
   * Comment (≤ 127 characters).
   */
  readonly comment?: string;
  /**
   * Estimated run time in minutes; 720 means unknown.
   * @default 120
   */
  readonly durationMinutes?: number;
  /**
   * Disk space the program needs, in MB. A whole number from 0 to 1048576.
   */
  readonly diskSpaceMb?: number;
  /**
   * Platforms the program may run on (e.g. `x86 Windows XP SP2`); empty means any platform. At most 64 items.
   */
  readonly supportedPlatforms?: string[];
  /**
   * Whether the program needs a logged-on user, needs none, or does not care.
   * @default `'whetherOrNotUserLoggedOn'` while `forTaskSequence` is true (the default), `'noUserLoggedOn'` for the client package (R4), else `'userLoggedOn'`
   */
  readonly runWhen?: 'userLoggedOn' | 'noUserLoggedOn' | 'whetherOrNotUserLoggedOn';
  /**
   * Run from the distribution point share (UNC) or from a local copy.
   * @default 'networkShare'
   */
  readonly runFrom?: 'networkShare' | 'localCopy';
  /**
   * Run with administrative rights (as Local System).
   * @default true while `forTaskSequence` is true (the default) and for the client package, else false
   */
  readonly adminRights?: boolean;
  /**
   * Let the user interact with the program.
   * @default false
   */
  readonly allowUserInteraction?: boolean;
  /**
   * The program restarts the computer by itself (instead of returning 3010).
   * @default false
   */
  readonly mayRestartComputer?: boolean;
  /**
   * Hide the program window.
   * @default false
   */
  readonly hideWindow?: boolean;
  /**
   * The program may not run.
   * @default false
   */
  readonly disabled?: boolean;
  /**
   * Run another program first. Not supported by operating system deployment: a step may not install such a program (R1).
   */
  readonly runFirst?: ProgramDependency;
  /**
   * The program is meant to be installed by a task sequence (an Install Software step). Such a step runs it as Local System
   * with nobody logged on, and refuses a program that needs a user or runs without administrative rights: with this
   * intent, `runWhen` defaults to `'whetherOrNotUserLoggedOn'` and `adminRights` to true. Set it to false for a program
   * people install themselves, which then gets the ConfigMgr console's defaults. Set explicitly to true, settings a step
   * would refuse are an error at synth.
   *
   * It is an intent stated here rather than inferred from the steps that use the program, so that adding or removing a
   * step never changes the program, and a program that a task sequence of another app installs gets the same settings.
   * @default true
   */
  readonly forTaskSequence?: boolean;
}

/**
 * Props of a `Program`: its settings and the package it belongs to (created in this app or imported).
 */
export interface ProgramProps extends ProgramOptions {
  /**
   * ID of the package the program belongs to. A program cannot move to another package.
   * A construct of this library, or a reference to an existing object from its `fromPackageId`.
   * It cannot change once the object exists: a change replaces the object.
   */
  readonly package: IPackage;
}

/**
 * "Run another program first", with the other program as a reference. Operating system deployment refuses it (R1).
 */
export interface ProgramDependency {
  /**
   * Run it every time, not only when it has not run.
   * @default false
   */
  readonly always?: boolean;
  /**
   * The program to run first: a `Program` of this app, or one from `Program.fromProgram`.
   */
  readonly program: IProgram;
}

/**
 * Props of an `OsImage`: the model's OS image fields (the ID is the server's).
 */
export interface OsImageProps {
  /**
   * Name shown in the console (≤ 50 characters). No control characters.
   */
  readonly name: string;
  /**
   * Version (≤ 32 characters). Name + version are unique per kind.
   */
  readonly version?: string;
  /**
   * Manufacturer (≤ 32 characters).
   */
  readonly manufacturer?: string;
  /**
   * Language (≤ 32 characters).
   */
  readonly language?: string;
  /**
   * Comment (≤ 127 characters).
   */
  readonly description?: string;
  /**
   * UNC path of the captured `.wim` file. 1 to 255 characters.
   */
  readonly sourcePath: string;
  /**
   * The images the file holds, by index. At most 64 items.
   */
  readonly images?: OsImageIndex[];
  /**
   * Applications captured into the image. Changing them means capturing a new image: the version must change too (R7). At most 200 items.
   */
  readonly preinstalledApplications?: OsImagePreinstalledApplication[];
  /**
   * Installation or setup properties baked into the image. Each distinct set needs its own image (R8). At most 1024 characters.
   */
  readonly bakedProperties?: string;
}

export interface OsImageIndex {
  /**
   * Image index inside the file (1-based). A whole number from 1 to 64.
   */
  readonly index: number;
  /**
   * Image or edition name. 1 to 127 characters.
   */
  readonly name: string;
}

export interface OsImagePreinstalledApplication {
  /**
   * Application name. 1 to 50 characters.
   */
  readonly name: string;
  /**
   * Application version. At most 32 characters.
   */
  readonly version?: string;
  /**
   * Whether the application survives Sysprep generalisation. Only such applications can be in an image (R7).
   */
  readonly sysprepCapable: boolean;
}

/**
 * Props of an `OsInstallPackage`: the model's fields (the ID is the server's).
 */
export interface OsInstallPackageProps {
  /**
   * Name shown in the console (≤ 50 characters). No control characters.
   */
  readonly name: string;
  /**
   * Version (≤ 32 characters). Name + version are unique per kind.
   */
  readonly version?: string;
  /**
   * Manufacturer (≤ 32 characters).
   */
  readonly manufacturer?: string;
  /**
   * Language (≤ 32 characters).
   */
  readonly language?: string;
  /**
   * Comment (≤ 127 characters).
   */
  readonly description?: string;
  /**
   * Where the content is: a UNC path (`\\server\share\…`) or a local path on the site server. 1 to 255 characters.
   */
  readonly sourcePath: string;
  /**
   * The editions the setup files can install, by index. At most 64 items.
   */
  readonly editions?: OsInstallPackageEdition[];
}

export interface OsInstallPackageEdition {
  /**
   * Image index inside the file (1-based). A whole number from 1 to 64.
   */
  readonly index: number;
  /**
   * Image or edition name. 1 to 127 characters.
   */
  readonly name: string;
}

/**
 * Props of a `BootImage`: the model's boot image fields, with `driverPackages` (references) in place of driver package IDs.
 */
export interface BootImageProps {
  /**
   * Name shown in the console (≤ 50 characters). No control characters.
   */
  readonly name: string;
  /**
   * Version (≤ 32 characters). Name + version are unique per kind.
   */
  readonly version?: string;
  /**
   * Manufacturer (≤ 32 characters).
   */
  readonly manufacturer?: string;
  /**
   * Language (≤ 32 characters).
   */
  readonly language?: string;
  /**
   * Comment (≤ 127 characters).
   */
  readonly description?: string;
  /**
   * UNC path of the Windows PE `.wim`. 1 to 255 characters.
   */
  readonly sourcePath: string;
  /**
   * Processor architecture of Windows PE.
   */
  readonly architecture: 'x86' | 'x64';
  /**
   * Driver packages whose drivers are added to Windows PE. At most 100 items. Each: A driver package whose drivers (storage, network) are added to Windows PE.
   * A construct of this library, or a reference to an existing object from its `fromPackageId`.
   */
  readonly driverPackages?: IDriverPackage[];
  /**
   * Allow F8 to open a command prompt (for troubleshooting).
   * @default false
   */
  readonly enableCommandPrompt?: boolean;
  /**
   * Pre-start command: the place to include tools in the Windows PE image.
   */
  readonly preStartCommand?: BootImagePreStartCommand;
  /**
   * Vendor tools baked into Windows PE, usable by hardware steps without a tools package (R6). At most 100 items.
   */
  readonly includedTools?: BootImageIncludedTool[];
}

/**
 * Pre-start command: the place to include tools in the Windows PE image.
 */
export interface BootImagePreStartCommand {
  /**
   * Command run when Windows PE starts (`PreExecCommandLine`). 1 to 255 characters.
   */
  readonly commandLine: string;
  /**
   * Folder whose files are copied into Windows PE (`PreExecSourceDirectory`). At most 255 characters.
   */
  readonly sourceDirectory?: string;
}

export interface BootImageIncludedTool {
  /**
   * Tool name (e.g. `syscfg`, `hpacucli`). 1 to 64 characters.
   */
  readonly name: string;
  /**
   * Where the tool is inside Windows PE (e.g. `X:\Tools\syscfg.exe`). 1 to 255 characters.
   */
  readonly path: string;
}

/**
 * Props of a `DriverPackage`: the model's fields (the ID is the server's).
 */
export interface DriverPackageProps {
  /**
   * Name shown in the console (≤ 50 characters). No control characters.
   */
  readonly name: string;
  /**
   * Version (≤ 32 characters). Name + version are unique per kind.
   */
  readonly version?: string;
  /**
   * Manufacturer (≤ 32 characters).
   */
  readonly manufacturer?: string;
  /**
   * Language (≤ 32 characters).
   */
  readonly language?: string;
  /**
   * Comment (≤ 127 characters).
   */
  readonly description?: string;
  /**
   * Where the content is: a UNC path (`\\server\share\…`) or a local path on the site server. 1 to 255 characters.
   */
  readonly sourcePath: string;
  /**
   * Drivers in the package. 1 to 500 items.
   */
  readonly drivers: DriverPackageDriver[];
}

export interface DriverPackageDriver {
  /**
   * The driver's INF file, relative to the package source. 1 to 255 characters.
   */
  readonly infFile: string;
  /**
   * Device class (e.g. `SCSIAdapter`, `Net`). 1 to 64 characters.
   */
  readonly driverClass: string;
  /**
   * Driver version. At most 32 characters.
   */
  readonly version?: string;
  /**
   * Whether the driver is signed.
   * @default true
   */
  readonly signed?: boolean;
  /**
   * Needed to boot (storage, network): it must also be in the boot image.
   * @default false
   */
  readonly bootCritical?: boolean;
}

/**
 * Props of a `TaskSequence`: name, version, description, and the boot image it starts in. Steps are added with `addStep` and `addGroup`.
 */
export interface TaskSequenceProps {
  /**
   * Name shown in the console (≤ 50 characters). No control characters.
   */
  readonly name: string;
  /**
   * Version (≤ 32 characters). Name + version are unique per kind.
   */
  readonly version?: string;
  /**
   * Comment (≤ 127 characters).
   */
  readonly description?: string;
  /**
   * The boot image (Windows PE) the sequence starts in, and restarts into.
   * A construct of this library, or a reference to an existing object from its `fromPackageId`.
   */
  readonly bootImage?: IBootImage;
  /**
   * Version of the secrets the steps carry (passwords, product key). Terraform never stores a secret, so it cannot see one
   * change: after changing any secret value, raise this number and the next apply sends the secrets again. A whole number, 0 or more.
   * @default none: secrets are sent when the sequence is created
   */
  readonly secretsVersion?: number;
}

/**
 * The settings every step and group has.
 */
export interface StepCommonProps {
  /**
   * Step or group name (1–100 characters; the console editor takes 50). No control characters.
   * @default the action's name as the console shows it, e.g. `'Apply Operating System'`
   */
  readonly name?: string;
  /**
   * Description (≤ 255 characters).
   */
  readonly description?: string;
  /**
   * A disabled step is skipped.
   * @default true
   */
  readonly enabled?: boolean;
  /**
   * Go on with the sequence when the step fails (otherwise the failure goes to its group).
   * @default false
   */
  readonly continueOnError?: boolean;
  /**
   * When the step or group runs: one test (`variable`, `wmi_query`, `registry`, `file`, `folder`, `software`, `operating_system`), or `match` over `conditions`. Without a condition it always runs.
   * @default none: the step always runs
   */
  readonly condition?: Condition;
}

/**
 * Props of `RunCommandLine`: the common step settings and the action's fields. Run Command Line: a command, optionally with the files of a package.
 */
export interface RunCommandLineProps extends StepCommonProps {
  /**
   * The command line. 1 to 32000 characters.
   */
  readonly commandLine: string;
  /**
   * Package whose content the command uses (it needs no program).
   * A construct of this library, or a reference to an existing object from its `fromPackageId`.
   */
  readonly package?: IPackage;
  /**
   * Start-in folder: absolute, or relative to the package (the console takes 127 characters). At most 255 characters.
   */
  readonly workingDirectory?: string;
  /**
   * Exit codes that mean success. 1 to 32 items.
   * @default [0, 3010]
   */
  readonly successCodes?: number[];
  /**
   * Turn off 64-bit file system redirection (it also affects file, folder and registry conditions).
   * @default false
   */
  readonly disable64BitRedirection?: boolean;
  /**
   * Stop the command after this many minutes (1–999).
   */
  readonly timeoutMinutes?: number;
  /**
   * Task sequence variable that receives the command output (its last 1000 characters). 1 to 256 characters.
   */
  readonly outputVariable?: string;
  /**
   * Run as `runAsAccount` instead of Local System (full OS only: it fails in Windows PE).
   * @default false
   */
  readonly runAsUser?: boolean;
  /**
   * Account to run as (`DOMAIN\user`), with `runAsUser`. 1 to 255 characters.
   */
  readonly runAsAccount?: string;
  /**
   * Password of `runAsAccount`. No control characters. 1 to 255 characters.
   * A secret: pass a sensitive `TerraformVariable`'s value, so it stays out of git and cdk.tf.json; it is never in a plan or state.
   */
  readonly runAsPassword?: string;
  /**
   * Marks a server hardware step (flash the BIOS, configure RAID or the management controller): it runs in Windows PE before the disk is partitioned and the OS applied, with tools from a `tools` package or the boot image (R6).
   */
  readonly hardware?: 'bios' | 'raid' | 'bmc';
}

/**
 * Props of `RestartComputer`: the common step settings and the action's fields. Restart Computer: into the task sequence's boot image (Windows PE) or the installed operating system; the sequence goes on there.
 */
export interface RestartComputerProps extends StepCommonProps {
  /**
   * Where the computer restarts to: `windowsPe` (the task sequence's boot image) or `installedOs` (the default installed operating system).
   */
  readonly target: 'windowsPe' | 'installedOs';
  /**
   * Notice shown before the restart (≤ 512 characters; ConfigMgr shows its own when unset).
   */
  readonly message?: string;
  /**
   * Seconds the notice shows before the restart; 0 shows none (the console suggests 60). A whole number from 0 to 4294967295.
   * @default 0
   */
  readonly notificationSeconds?: number;
}

/**
 * Props of `SetTaskSequenceVariable`: the common step settings and the action's fields. Set Task Sequence Variable: one variable to one value; it wins over collection and computer variables of the same name.
 */
export interface SetTaskSequenceVariableProps extends StepCommonProps {
  /**
   * The variable to set: built-in, action or custom (1–256 characters).
   */
  readonly variableName: string;
  /**
   * The value (≤ 4001 characters); it may name other variables (`%OSDComputerName%`). Required unless `hideValue`.
   */
  readonly value?: string;
  /**
   * Keep the value out of the console ("Do not display this value"): give it as `hiddenValue`.
   * @default false
   */
  readonly hideValue?: boolean;
  /**
   * The value, with `hideValue`: write-only, like a password. No control characters. 0 to 4001 characters.
   * A secret: pass a sensitive `TerraformVariable`'s value, so it stays out of git and cdk.tf.json; it is never in a plan or state.
   */
  readonly hiddenValue?: string;
}

/**
 * Props of `JoinDomainOrWorkgroup`: the common step settings and the action's fields. Join Domain or Workgroup (full OS): joins the running Windows to a domain or a workgroup, and restarts.
 */
export interface JoinDomainOrWorkgroupProps extends StepCommonProps {
  /**
   * Join a domain or a workgroup.
   */
  readonly joinType: 'domain' | 'workgroup';
  /**
   * Domain to join (`corp.example.com`). 1 to 255 characters.
   */
  readonly domain?: string;
  /**
   * LDAP path of the OU to create the computer in (`LDAP://OU=Servers,DC=corp,DC=example,DC=com`). At most 32767 characters.
   */
  readonly domainOu?: string;
  /**
   * Account that joins the domain (`DOMAIN\user`). At most 255 characters.
   */
  readonly joinAccount?: string;
  /**
   * Password of the join account. No control characters. 1 to 255 characters.
   * A secret: pass a sensitive `TerraformVariable`'s value, so it stays out of git and cdk.tf.json; it is never in a plan or state.
   */
  readonly joinPassword?: string;
  /**
   * Workgroup to join (1–32 characters).
   */
  readonly workgroup?: string;
  /**
   * Do not restart after joining.
   * @default false
   */
  readonly skipRestart?: boolean;
}

/**
 * Props of `ConnectNetworkFolder`: the common step settings and the action's fields. Connect To Network Folder: maps a shared folder, optionally to a drive letter, with an account.
 */
export interface ConnectNetworkFolderProps extends StepCommonProps {
  /**
   * The shared folder (`\\server\share`). 3 to 255 characters.
   */
  readonly path: string;
  /**
   * Local drive letter (`S:`).
   */
  readonly driveLetter?: string;
  /**
   * Account that connects (`DOMAIN\user`). 1 to 255 characters.
   */
  readonly account: string;
  /**
   * Password of the account. No control characters. 1 to 255 characters.
   * A secret: pass a sensitive `TerraformVariable`'s value, so it stays out of git and cdk.tf.json; it is never in a plan or state.
   */
  readonly accountPassword: string;
}

/**
 * Props of `InstallSoftware`: the common step settings and the action's fields. Install Software (full OS): one program, or a list given by variables.
 */
export interface InstallSoftwareProps extends StepCommonProps {
  /**
   * Install a dynamic list of programs from variables `<base>001`, `<base>002`, …, each `PACKAGEID:Program name`. 1 to 200 characters.
   */
  readonly baseVariableName?: string;
  /**
   * With `baseVariableName`: go on with the rest of the list when one program fails (unset: stop).
   */
  readonly continueOnInstallError?: boolean;
  /**
   * The program to install: a `Program` of this app, or one from `Program.fromProgram`. It may not run another program first (R1), and must run without a user, with administrative rights (see `forTaskSequence`).
   */
  readonly program?: IProgram;
}

/**
 * Props of `InstallSoftwareUpdates`: the common step settings and the action's fields. Install Software Updates (full OS): the software updates deployed to the computer.
 */
export interface InstallSoftwareUpdatesProps extends StepCommonProps {
  /**
   * `mandatory`: the updates with a deadline; `all`: every update deployed to the computer.
   * @default 'mandatory'
   */
  readonly updates?: 'mandatory' | 'all';
  /**
   * Evaluate the updates from the cached scan results.
   * @default true
   */
  readonly useCachedScan?: boolean;
  /**
   * Retries after an unexpected restart (1–5).
   * @default 2
   */
  readonly retries?: number;
}

/**
 * Props of `PartitionDisk`: the common step settings and the action's fields. Partition Disk (Windows PE): the partitions of one disk, in order; everything on the disk is lost.
 */
export interface PartitionDiskProps extends StepCommonProps {
  /**
   * Disk number (0–99).
   * @default 0
   */
  readonly diskIndex?: number;
  /**
   * A variable holding the disk number, used instead of `diskIndex` (a later ConfigMgr addition). 1 to 256 characters.
   */
  readonly diskIndexVariable?: string;
  /**
   * Partition table style.
   * @default 'mbr'
   */
  readonly style?: 'mbr' | 'gpt';
  /**
   * With `gpt`: create an EFI system partition, for a UEFI boot disk.
   * @default false
   */
  readonly gptBootDisk?: boolean;
  /**
   * No sector and cache alignment, for old BIOSes and Windows XP-era systems.
   * @default false
   */
  readonly biosCompatibilityMode?: boolean;
  /**
   * Deprecated by ConfigMgr; kept as it was imported. At most 32 characters.
   */
  readonly diskType?: string;
  /**
   * Partitions, in order. 1 to 32 items.
   */
  readonly partitions: PartitionDiskPartition[];
}

export interface PartitionDiskPartition {
  /**
   * Partition name, also its volume label. At most 64 characters.
   */
  readonly name?: string;
  /**
   * Partition type.
   * @default 'primary'
   */
  readonly type?: 'primary' | 'extended' | 'logical' | 'hidden' | 'efi' | 'msr';
  /**
   * File system.
   * @default 'ntfs'
   */
  readonly fileSystem?: 'ntfs' | 'fat32';
  /**
   * Size, in `sizeUnit`. A whole number from 1 to 4294967295.
   */
  readonly size: number;
  /**
   * Unit of `size`: a percentage of the space left, or MB, or GB.
   * @default 'percent'
   */
  readonly sizeUnit?: 'percent' | 'MB' | 'GB';
  /**
   * Make the partition bootable (active).
   * @default false
   */
  readonly bootable?: boolean;
  /**
   * Quick format.
   * @default true
   */
  readonly quickFormat?: boolean;
  /**
   * Variable that receives the drive letter. At most 255 characters.
   */
  readonly letterVariable?: string;
  /**
   * Give the partition a drive letter (ConfigMgr 2012 SP1 and later; earlier versions always do).
   * @default true
   */
  readonly assignLetter?: boolean;
}

/**
 * Props of `ConvertDiskToDynamic`: the common step settings and the action's fields. Convert Disk to Dynamic: converts a basic disk to a dynamic one.
 */
export interface ConvertDiskToDynamicProps extends StepCommonProps {
  /**
   * Disk number (0–99).
   * @default 0
   */
  readonly diskIndex?: number;
}

/**
 * Props of `EnableBitLocker`: the common step settings and the action's fields. Enable BitLocker (full OS): encrypts a drive; the disk needs two partitions, and TPM modes an enabled, activated TPM.
 */
export interface EnableBitLockerProps extends StepCommonProps {
  /**
   * Drive to encrypt (`D:`); unset: the operating system drive.
   */
  readonly drive?: string;
  /**
   * How the operating system drive is unlocked: TPM only, a startup key on USB, TPM and startup key, TPM and PIN. Required for the operating system drive.
   */
  readonly keyManagement?: 'tpm' | 'startupKey' | 'tpmAndStartupKey' | 'tpmAndPin';
  /**
   * Where the startup key is written, for the startup-key modes; unset: the first USB drive.
   */
  readonly startupKeyDrive?: string;
  /**
   * The PIN, for `tpmAndPin` (a later ConfigMgr addition). No control characters. 1 to 255 characters.
   * A secret: pass a sensitive `TerraformVariable`'s value, so it stays out of git and cdk.tf.json; it is never in a plan or state.
   */
  readonly pin?: string;
  /**
   * Create a recovery password and keep it in Active Directory, or create none.
   * @default 'activeDirectory'
   */
  readonly recoveryPassword?: 'activeDirectory' | 'none';
  /**
   * Wait until the drive is encrypted before going on.
   * @default false
   */
  readonly waitForEncryption?: boolean;
  /**
   * Encryption algorithm as ConfigMgr numbers it; 0 is the default of the operating system (a later ConfigMgr addition; the other codes are not documented). A whole number from 0 to 4294967295.
   * @default 0
   */
  readonly encryptionMethod?: number;
  /**
   * Skip the step on a computer without a usable TPM (a later ConfigMgr addition).
   * @default false
   */
  readonly skipWithoutTpm?: boolean;
}

/**
 * Props of `DisableBitLocker`: the common step settings and the action's fields. Disable BitLocker (full OS): suspends BitLocker protection of a drive (it stays encrypted).
 */
export interface DisableBitLockerProps extends StepCommonProps {
  /**
   * Drive whose protection is suspended (`D:`); unset: the operating system drive.
   */
  readonly drive?: string;
  /**
   * Restarts before protection resumes (1–15; a later ConfigMgr addition).
   * @default 1
   */
  readonly restartCount?: number;
}

/**
 * Props of `RequestStateStore`: the common step settings and the action's fields. Request State Store: a state migration point to capture user state to, or restore it from.
 */
export interface RequestStateStoreProps extends StepCommonProps {
  /**
   * Whether the state is to be captured or restored.
   */
  readonly purpose: 'capture' | 'restore';
  /**
   * How often to look for a state migration point (0–30).
   * @default 3
   */
  readonly retries?: number;
  /**
   * Seconds between tries (0–600).
   * @default 60
   */
  readonly retryDelaySeconds?: number;
  /**
   * Connect with the network access account when the computer account cannot (less secure).
   * @default false
   */
  readonly fallbackToNetworkAccessAccount?: boolean;
}

/**
 * Props of `CaptureUserState`: the common step settings and the action's fields. Capture User State: USMT `scanstate` into the state store (R5).
 */
export interface CaptureUserStateProps extends StepCommonProps {
  /**
   * The USMT package (role `usmt`) whose tools run (R5).
   * A construct of this library, or a reference to an existing object from its `fromPackageId`.
   */
  readonly usmtPackage: IUsmtPackage;
  /**
   * Simple uses the standard rule files; advanced names them in `configFiles`.
   * @default 'simple'
   */
  readonly mode?: 'simple' | 'advanced';
  /**
   * USMT rule files of the package, in advanced mode. At most 20 items.
   */
  readonly configFiles?: string[];
  /**
   * Verbose USMT logs.
   * @default false
   */
  readonly verboseLogging?: boolean;
  /**
   * Go on when some files cannot be captured.
   * @default true
   */
  readonly continueOnLockedFiles?: boolean;
  /**
   * Skip files encrypted with EFS.
   * @default false
   */
  readonly skipEncryptedFiles?: boolean;
  /**
   * Read files through the file system, or from a volume shadow copy.
   * @default 'normal'
   */
  readonly fileAccess?: 'normal' | 'volumeShadowCopy';
  /**
   * Capture offline, from Windows PE (the step then runs in Windows PE).
   * @default false
   */
  readonly offline?: boolean;
  /**
   * Keep the state on the computer as a hard-link store instead of copying it.
   * @default false
   */
  readonly useHardLinks?: boolean;
}

/**
 * Props of `RestoreUserState`: the common step settings and the action's fields. Restore User State: USMT `loadstate` from the state store (R5).
 */
export interface RestoreUserStateProps extends StepCommonProps {
  /**
   * The USMT package (role `usmt`) whose tools run (R5).
   * A construct of this library, or a reference to an existing object from its `fromPackageId`.
   */
  readonly usmtPackage: IUsmtPackage;
  /**
   * Simple uses the standard rule files; advanced names them in `configFiles`.
   * @default 'simple'
   */
  readonly mode?: 'simple' | 'advanced';
  /**
   * USMT rule files of the package, in advanced mode. At most 20 items.
   */
  readonly configFiles?: string[];
  /**
   * Verbose USMT logs.
   * @default false
   */
  readonly verboseLogging?: boolean;
  /**
   * Go on when some files cannot be restored.
   * @default true
   */
  readonly continueOnRestoreErrors?: boolean;
  /**
   * Restore local (non-domain) user accounts too; they get `localAccountPassword`.
   * @default false
   */
  readonly restoreLocalAccounts?: boolean;
  /**
   * Password given to restored local accounts. No control characters. 1 to 255 characters.
   * A secret: pass a sensitive `TerraformVariable`'s value, so it stays out of git and cdk.tf.json; it is never in a plan or state.
   */
  readonly localAccountPassword?: string;
}

/**
 * Props of `ReleaseStateStore`: the common step settings and the action's fields. Release State Store: tells the state migration point the capture or restore is done.
 */
export interface ReleaseStateStoreProps extends StepCommonProps {
}

/**
 * Props of `ApplyOperatingSystem`: the common step settings and the action's fields. Apply Operating System (Windows PE): an image, or an edition of an install package.
 */
export interface ApplyOperatingSystemProps extends StepCommonProps {
  /**
   * The OS image to apply.
   * A construct of this library, or a reference to an existing object from its `fromPackageId`.
   */
  readonly imagePackage?: IOsImage;
  /**
   * Index of the image in the `.wim`. A whole number from 1 to 2147483647.
   * @default 1
   */
  readonly imageIndex?: number;
  /**
   * The OS install package to install from, instead of an image.
   * A construct of this library, or a reference to an existing object from its `fromPackageId`.
   */
  readonly installPackage?: IOsInstallPackage;
  /**
   * Edition to install from the install package. A whole number from 0 to 2147483647.
   */
  readonly editionIndex?: number;
  /**
   * Package holding an answer file (`unattend.xml`, `sysprep.inf`) to use instead of the one ConfigMgr writes.
   * A construct of this library, or a reference to an existing object from its `fromPackageId`.
   */
  readonly configFilePackage?: IPackage;
  /**
   * The answer file in `configFilePackageId`; it may name variables (`%OSDComputerName%`). 1 to 255 characters.
   */
  readonly configFileName?: string;
  /**
   * Where the operating system goes: the next partition no earlier step has used, a disk and partition, a drive letter, or a variable holding one.
   * @default 'nextAvailablePartition'
   */
  readonly destination?: 'nextAvailablePartition' | 'diskAndPartition' | 'logicalDrive' | 'variable';
  /**
   * Disk (0–99), for `diskAndPartition`.
   */
  readonly diskIndex?: number;
  /**
   * Partition (1–99), for `diskAndPartition`.
   */
  readonly partitionIndex?: number;
  /**
   * Drive letter as Windows PE assigns it, for `logicalDrive`.
   */
  readonly logicalDrive?: string;
  /**
   * Variable holding the drive (`C:`) or disk and partition (`0,1`), for `variable`. 1 to 255 characters.
   */
  readonly variable?: string;
  /**
   * Apply the image straight from the distribution point share instead of downloading it first (ConfigMgr 2012 SP1 and later).
   * @default false
   */
  readonly runFromNetwork?: boolean;
}

/**
 * Props of `ApplyDataImage`: the common step settings and the action's fields. Apply Data Image (Windows PE): copies an image to a partition as data, not as an operating system.
 */
export interface ApplyDataImageProps extends StepCommonProps {
  /**
   * The image to copy.
   * A construct of this library, or a reference to an existing object from its `fromPackageId`.
   */
  readonly imagePackage: IOsImage;
  /**
   * Index of the image in the `.wim`. A whole number from 1 to 2147483647.
   * @default 1
   */
  readonly imageIndex?: number;
  /**
   * Where the image goes: the next partition no earlier step has used, a disk and partition, a drive letter, or a variable holding one.
   * @default 'nextAvailablePartition'
   */
  readonly destination?: 'nextAvailablePartition' | 'diskAndPartition' | 'logicalDrive' | 'variable';
  /**
   * Disk (0–99), for `diskAndPartition`.
   */
  readonly diskIndex?: number;
  /**
   * Partition (1–99), for `diskAndPartition`.
   */
  readonly partitionIndex?: number;
  /**
   * Drive letter as Windows PE assigns it, for `logicalDrive`.
   */
  readonly logicalDrive?: string;
  /**
   * Variable holding the drive (`C:`) or disk and partition (`0,1`), for `variable`. 1 to 255 characters.
   */
  readonly variable?: string;
  /**
   * Delete what the partition holds first.
   * @default true
   */
  readonly wipePartition?: boolean;
}

/**
 * Props of `SetupWindowsAndConfigMgr`: the common step settings and the action's fields. Setup Windows and ConfigMgr (Windows PE): runs Windows setup and installs the ConfigMgr client (R3); the sequence goes on in the new Windows.
 */
export interface SetupWindowsAndConfigMgrProps extends StepCommonProps {
  /**
   * The ConfigMgr client installation package (role `client`, R3).
   * A construct of this library, or a reference to an existing object from its `fromPackageId`.
   */
  readonly clientPackage: IClientPackage;
  /**
   * CCMSetup switches, then `PROPERTY=value` pairs (`SMSSITECODE=CM1 FSP=fsp01`); quote values with spaces (R3). At most 1024 characters.
   */
  readonly installationProperties?: string;
  /**
   * A pre-production client package (role `client`), for computers in the pre-production collection (a later ConfigMgr addition).
   * A construct of this library, or a reference to an existing object from its `fromPackageId`.
   */
  readonly preProductionClientPackage?: IClientPackage;
}

/**
 * Props of `InstallDeploymentTools`: the common step settings and the action's fields. Install Deployment Tools (full OS): installs Sysprep and the deployment tools from a package, before Prepare Windows for Capture.
 */
export interface InstallDeploymentToolsProps extends StepCommonProps {
  /**
   * Package holding Sysprep and the deployment tools for the operating system.
   * A construct of this library, or a reference to an existing object from its `fromPackageId`.
   */
  readonly sysprepPackage: IPackage;
}

/**
 * Props of `PrepareConfigMgrClientForCapture`: the common step settings and the action's fields. Prepare ConfigMgr Client for Capture (full OS): removes the ConfigMgr client from the reference computer before capture.
 */
export interface PrepareConfigMgrClientForCaptureProps extends StepCommonProps {
}

/**
 * Props of `PrepareWindowsForCapture`: the common step settings and the action's fields. Prepare Windows for Capture (full OS): Sysprep, then a restart into the task sequence's boot image (Windows PE) for Capture Operating System Image.
 */
export interface PrepareWindowsForCaptureProps extends StepCommonProps {
  /**
   * Build the mass storage driver list in sysprep.inf (Windows XP and Server 2003 only).
   * @default false
   */
  readonly buildMassStorageDriverList?: boolean;
  /**
   * Do not reset the activation flag.
   * @default false
   */
  readonly keepActivation?: boolean;
  /**
   * Shut the computer down after Sysprep instead of restarting it (a later ConfigMgr addition).
   * @default false
   */
  readonly shutdown?: boolean;
}

/**
 * Props of `CaptureOperatingSystemImage`: the common step settings and the action's fields. Capture Operating System Image (Windows PE): writes the reference computer to a `.wim` on a share, the end of a build-and-capture sequence.
 */
export interface CaptureOperatingSystemImageProps extends StepCommonProps {
  /**
   * UNC path of the `.wim` to write (overwritten if present). 1 to 255 characters.
   */
  readonly destination: string;
  /**
   * Image description. At most 255 characters.
   */
  readonly imageDescription?: string;
  /**
   * Image version. At most 32 characters.
   */
  readonly version?: string;
  /**
   * Author recorded in the image. At most 255 characters.
   */
  readonly createdBy?: string;
  /**
   * Account that writes to the destination share. 1 to 255 characters.
   */
  readonly captureAccount: string;
  /**
   * Password of the capture account. No control characters. 1 to 255 characters.
   * A secret: pass a sensitive `TerraformVariable`'s value, so it stays out of git and cdk.tf.json; it is never in a plan or state.
   */
  readonly capturePassword: string;
}

/**
 * Props of `AutoApplyDrivers`: the common step settings and the action's fields. Auto Apply Drivers (Windows PE): the drivers of the driver catalog that match the hardware (not from stand-alone media).
 */
export interface AutoApplyDriversProps extends StepCommonProps {
  /**
   * Install only the best driver for each device, not every compatible one.
   * @default true
   */
  readonly bestMatchOnly?: boolean;
  /**
   * Only drivers in these categories (their unique IDs, `SMS_CategoryInstance`); any one of them matches. Unset: every driver. At most 100 items.
   */
  readonly categories?: string[];
  /**
   * Install unsigned drivers where Windows allows it (deprecated by ConfigMgr).
   * @default false
   */
  readonly allowUnsigned?: boolean;
}

/**
 * Props of `ApplyDriverPackage`: the common step settings and the action's fields. Apply Driver Package (Windows PE): every driver of a driver package, for Windows to use.
 */
export interface ApplyDriverPackageProps extends StepCommonProps {
  /**
   * The driver package to apply.
   * A construct of this library, or a reference to an existing object from its `fromPackageId`.
   */
  readonly driverPackage: IDriverPackage;
  /**
   * Install unsigned drivers where Windows allows it (deprecated by ConfigMgr).
   * @default false
   */
  readonly allowUnsigned?: boolean;
  /**
   * Install with one DISM `/recurse` over the package's folder (a later ConfigMgr addition).
   * @default false
   */
  readonly recurse?: boolean;
  /**
   * For Windows before Vista: the mass storage driver to install before setup (`SMS_Driver.CI_UniqueID`). 1 to 255 characters.
   */
  readonly bootCriticalDriverId?: string;
  /**
   * With `bootCriticalDriverId`: the driver's content ID (`SMS_CIToContent`). 1 to 255 characters.
   */
  readonly bootCriticalContentId?: string;
  /**
   * With `bootCriticalDriverId`: the driver's INF file. 1 to 255 characters.
   */
  readonly bootCriticalInfFile?: string;
  /**
   * With `bootCriticalDriverId`: the kind of device (always `scsi`).
   */
  readonly bootCriticalHardwareComponent?: string;
  /**
   * With `bootCriticalDriverId`: the device, as the `scsi` section of txtsetup.oem names it. 1 to 255 characters.
   */
  readonly bootCriticalModel?: string;
}

/**
 * Props of `CaptureNetworkSettings`: the common step settings and the action's fields. Capture Network Settings (full OS): keeps the network settings for Apply Network Settings, whose own values they override.
 */
export interface CaptureNetworkSettingsProps extends StepCommonProps {
  /**
   * Capture the TCP/IP, DNS and filter settings of each adapter.
   * @default true
   */
  readonly adapterSettings?: boolean;
  /**
   * Capture the domain or workgroup membership.
   * @default false
   */
  readonly membership?: boolean;
}

/**
 * Props of `CaptureWindowsSettings`: the common step settings and the action's fields. Capture Windows Settings: keeps the computer name, registration and time zone for Apply Windows Settings, whose own values they override.
 */
export interface CaptureWindowsSettingsProps extends StepCommonProps {
  /**
   * Capture the computer name (into `OSDComputerName`).
   * @default true
   */
  readonly computerName?: boolean;
  /**
   * Capture the registered user and organisation.
   * @default true
   */
  readonly registration?: boolean;
  /**
   * Capture the time zone (into `OSDTimeZone`).
   * @default true
   */
  readonly timeZone?: boolean;
}

/**
 * Props of `ApplyNetworkSettings`: the common step settings and the action's fields. Apply Network Settings (Windows PE): domain or workgroup, DNS and adapter settings for the new Windows, applied by Setup Windows and ConfigMgr.
 */
export interface ApplyNetworkSettingsProps extends StepCommonProps {
  /**
   * Join a workgroup or a domain.
   * @default 'workgroup'
   */
  readonly joinType?: 'workgroup' | 'domain';
  /**
   * Domain to join (`corp.example.com`). 1 to 255 characters.
   */
  readonly domain?: string;
  /**
   * LDAP path of the OU to create the computer in (`LDAP://OU=Servers,DC=corp,DC=example,DC=com`). At most 32767 characters.
   */
  readonly domainOu?: string;
  /**
   * Account that joins the domain (`DOMAIN\user`). At most 255 characters.
   */
  readonly joinAccount?: string;
  /**
   * Password of the join account. No control characters. 1 to 255 characters.
   * A secret: pass a sensitive `TerraformVariable`'s value, so it stays out of git and cdk.tf.json; it is never in a plan or state.
   */
  readonly joinPassword?: string;
  /**
   * Workgroup to join (1–32 characters).
   */
  readonly workgroup?: string;
  /**
   * Primary DNS suffix of the computer. 1 to 255 characters.
   */
  readonly dnsDomain?: string;
  /**
   * DNS suffixes to search, in order. At most 32 items.
   */
  readonly dnsSuffixSearchOrder?: string[];
  /**
   * Turn on TCP/IP filtering (per adapter: `enableTcpFiltering` and the others).
   * @default false
   */
  readonly enableTcpIpFiltering?: boolean;
  /**
   * Settings per network adapter, applied in the order Windows enumerates the adapters. At most 16 items.
   */
  readonly adapters?: ApplyNetworkSettingsAdapter[];
}

export interface ApplyNetworkSettingsAdapter {
  /**
   * MAC address of the adapter the settings are for.
   */
  readonly macAddress: string;
  /**
   * Connection name. At most 255 characters.
   */
  readonly name?: string;
  /**
   * Adapter index. A whole number from 0 to 4294967295.
   */
  readonly index?: number;
  /**
   * Get the address from DHCP; the addresses below apply only without it.
   * @default true
   */
  readonly enableDhcp?: boolean;
  /**
   * IP addresses, without DHCP. At most 32 items.
   */
  readonly ipAddresses?: string[];
  /**
   * Subnet masks, one per IP address. At most 32 items.
   */
  readonly subnetMasks?: string[];
  /**
   * Default gateways, without DHCP. At most 32 items.
   */
  readonly gateways?: string[];
  /**
   * Metric of the gateways, without DHCP. A whole number from 0 to 9999.
   */
  readonly gatewayCostMetric?: number;
  /**
   * DNS servers, in order. At most 32 items.
   */
  readonly dnsServers?: string[];
  /**
   * Register the connection's addresses in DNS.
   * @default true
   */
  readonly enableDnsRegistration?: boolean;
  /**
   * Register them under the connection's own DNS suffix too.
   * @default false
   */
  readonly enableFullDnsRegistration?: boolean;
  /**
   * Use WINS servers.
   * @default false
   */
  readonly enableWins?: boolean;
  /**
   * WINS servers, with `enableWins`. At most 32 items.
   */
  readonly winsServers?: string[];
  /**
   * Look up NetBIOS names in LMHOSTS.
   * @default true
   */
  readonly enableLmhosts?: boolean;
  /**
   * NetBIOS over TCP/IP: as DHCP says, on or off.
   * @default 'fromDhcp'
   */
  readonly netbiosOverTcpip?: 'fromDhcp' | 'enabled' | 'disabled';
  /**
   * Accept TCP only on `tcpFilterPorts`.
   * @default false
   */
  readonly enableTcpFiltering?: boolean;
  /**
   * TCP ports accepted, with `enableTcpFiltering`. At most 64 items.
   */
  readonly tcpFilterPorts?: number[];
  /**
   * Accept UDP only on `udpFilterPorts`.
   * @default false
   */
  readonly enableUdpFiltering?: boolean;
  /**
   * UDP ports accepted, with `enableUdpFiltering`. At most 64 items.
   */
  readonly udpFilterPorts?: number[];
  /**
   * Accept only the IP protocols in `ipProtocolFilters`.
   * @default false
   */
  readonly enableIpProtocolFiltering?: boolean;
  /**
   * IP protocol numbers accepted, with `enableIpProtocolFiltering`. At most 32 items.
   */
  readonly ipProtocolFilters?: string[];
}

/**
 * Props of `ApplyWindowsSettings`: the common step settings and the action's fields. Apply Windows Settings (Windows PE): registration, product key, computer name, administrator password, time zone and languages for the new Windows.
 */
export interface ApplyWindowsSettingsProps extends StepCommonProps {
  /**
   * Registered user name. 1 to 255 characters.
   */
  readonly registeredUser: string;
  /**
   * Registered organisation. 1 to 255 characters.
   */
  readonly registeredOrganization: string;
  /**
   * Product key. No control characters. 1 to 255 characters.
   * A secret: pass a sensitive `TerraformVariable`'s value, so it stays out of git and cdk.tf.json; it is never in a plan or state.
   */
  readonly productKey?: string;
  /**
   * Windows Server licensing mode.
   */
  readonly serverLicensing?: 'perSeat' | 'perServer';
  /**
   * Connections allowed with `perServer` licensing (5–9999).
   */
  readonly serverConnectionLimit?: number;
  /**
   * Give the local administrator a random password and disable the account; false: enable it with `localAdminPassword`.
   * @default true
   */
  readonly randomLocalAdminPassword?: boolean;
  /**
   * Local administrator password, when not random. No control characters. 1 to 255 characters.
   * A secret: pass a sensitive `TerraformVariable`'s value, so it stays out of git and cdk.tf.json; it is never in a plan or state.
   */
  readonly localAdminPassword?: string;
  /**
   * Computer name: at most 15 characters once its variables (`%OSDComputerName%`) are expanded; by default the name the computer has. 1 to 255 characters.
   * @default '%_SMSTSMachineName%'
   */
  readonly computerName?: string;
  /**
   * Time zone by its English name (`W. Europe Standard Time`); a localised name falls back to UTC. At most 255 characters.
   */
  readonly timeZone?: string;
  /**
   * Keyboard layout (`de-DE`, `0407:00000407`). 1 to 85 characters.
   */
  readonly inputLocale?: string;
  /**
   * Language for programs that do not use Unicode (`de-DE`). 1 to 85 characters.
   */
  readonly systemLocale?: string;
  /**
   * Language of the Windows user interface (`de-DE`). 1 to 85 characters.
   */
  readonly uiLanguage?: string;
  /**
   * Language for what `uiLanguage` does not translate (`en-US`). 1 to 85 characters.
   */
  readonly uiLanguageFallback?: string;
  /**
   * Formats of dates, times, numbers and currency (`de-DE`). 1 to 85 characters.
   */
  readonly userLocale?: string;
}

/**
 * Props of a hardware step (`FlashBios`, `ConfigureRaid`): a Run Command Line step the construct writes from the tool and its settings.
 */
export interface HardwareStepProps extends StepCommonProps {
  /**
   * Start-in folder: absolute, or relative to the package (the console takes 127 characters). At most 255 characters.
   */
  readonly workingDirectory?: string;
  /**
   * Exit codes that mean success. 1 to 32 items.
   * @default [0, 3010]
   */
  readonly successCodes?: number[];
  /**
   * Turn off 64-bit file system redirection (it also affects file, folder and registry conditions).
   * @default false
   */
  readonly disable64BitRedirection?: boolean;
  /**
   * Stop the command after this many minutes (1–999).
   */
  readonly timeoutMinutes?: number;
  /**
   * Task sequence variable that receives the command output (its last 1000 characters). 1 to 256 characters.
   */
  readonly outputVariable?: string;
  /**
   * Run as `runAsAccount` instead of Local System (full OS only: it fails in Windows PE).
   * @default false
   */
  readonly runAsUser?: boolean;
  /**
   * Account to run as (`DOMAIN\user`), with `runAsUser`. 1 to 255 characters.
   */
  readonly runAsAccount?: string;
  /**
   * Password of `runAsAccount`. No control characters. 1 to 255 characters.
   * A secret: pass a sensitive `TerraformVariable`'s value, so it stays out of git and cdk.tf.json; it is never in a plan or state.
   */
  readonly runAsPassword?: string;
  /**
   * Step name (1–100 characters), shown in the console and the logs.
   * @default `'Flash BIOS (<computerModel>)'` or `'Configure RAID (<computerModel>)'`
   */
  readonly name?: string;
  /**
   * The computer model the step is for, as `Win32_ComputerSystem.Model` reports it (e.g. `'PowerEdge R710'`, `'ProLiant DL380 G6'`): the step runs only on computers whose model contains it, and only in Windows PE.
   */
  readonly computerModel: string;
  /**
   * The vendor tools package the tool comes from.
   * @default none: the tool is included in the task sequence's boot image (its `includedTools`)
   */
  readonly tools?: IToolsPackage;
  /**
   * The vendor tool to run, e.g. `'raidcfg.exe'`, `'X:\\Tools\\hpacuscripting.exe'`.
   */
  readonly tool: string;
  /**
   * The settings file, relative to the tools package (e.g. `'raid\\r710-raid5.ini'`). Give it, `parameters`, or both.
   */
  readonly configFile?: string;
  /**
   * How the tool takes the file, written right before it: `'-i '` gives `-i raid\r710.ini`, `'-i='` gives `-i=raid\r710.ini`.
   * @default `''`: the file is the last argument on its own
   */
  readonly configFileSwitch?: string;
  /**
   * Further arguments, before the file (e.g. `'/s /f'`).
   */
  readonly parameters?: string;
}

/**
 * What each construct's props are made of, stated against the resource model.
 *
 * Construct props are the model's fields with a few changes: a field holding another object's
 * server-assigned ID becomes a typed reference (`packageId` → `package: IPackage`), some fields
 * are left out because the construct sets them (a package's `role`), and a few props exist in the
 * constructs only (`secretsVersion`). Each entry here says which, once. Two things read it:
 * - `constructs/codegen` writes `constructs/generated/props.ts` from it: one interface per entry,
 *   every prop carrying the model's description, limits and default as JSDoc, so an editor shows
 *   them on hover (`npm run docs`; a test fails when the file is stale);
 * - `modelFromProps` maps props back to the model's fields by the same entry at synth.
 */
import type { TObject, TSchema } from '@sinclair/typebox';
import {
  ACTIONS,
  ACTION_NAMES,
  BootImageSchema,
  DEFAULT_CLIENT_SOURCE,
  DriverPackageSchema,
  OsImageSchema,
  OsInstallPackageSchema,
  PackageSchema,
  ProgramSchema,
  StepSchema,
  TaskSequenceSchema,
  UsmtSettingsSchema,
  type ActionName,
} from '../lib/model';
import { ProviderConfigSchema } from '../lib/model';

/** A prop the constructs add to the model's fields. */
export interface ExtraProp {
  readonly name: string;
  /** TypeScript type, e.g. `IProgram`, `number`. */
  readonly type: string;
  readonly optional?: boolean;
  /** JSDoc text (without `@default`). */
  readonly doc: string;
  /** Text after `@default`, for an optional prop. */
  readonly default?: string;
}

/** One props interface, as the model's fields of `schema` plus the changes listed. */
export interface PropSpec {
  /** Interface name, e.g. `DriverPackageProps`. */
  readonly name: string;
  /** JSDoc of the interface. */
  readonly doc: string;
  /** The construct (or method) that takes these props, for constructs/README.md; none for a part of other props. */
  readonly usedBy?: string;
  /** The model object whose fields become props; none when every prop is inherited or extra. */
  readonly schema?: TObject;
  /** Interfaces this one extends (their props are not repeated). */
  readonly extends?: readonly string[];
  /** Only these model fields (default: all but the read-only ones). */
  readonly pick?: readonly string[];
  /** Model fields that are not props: the construct sets them, or an extra prop stands for them. */
  readonly omit?: readonly string[];
  /** Props named otherwise than their model field (model field → prop name), where the model's name would clash. */
  readonly rename?: Readonly<Record<string, string>>;
  /** The TypeScript type of a field the constructs take as something else (model field → type, e.g. the `Condition` class). */
  readonly types?: Readonly<Record<string, string>>;
  /** Optional model fields the construct needs. */
  readonly required?: readonly string[];
  /** Required model fields the construct fills in itself. */
  readonly optional?: readonly string[];
  /** Defaults the construct applies, or states differently from the model (prop → text after `@default`). */
  readonly defaults?: Readonly<Record<string, string>>;
  /** Names of the interfaces of nested objects (model field → name); otherwise `<stem><Field>`, singular for lists. */
  readonly nestedNames?: Readonly<Record<string, string>>;
  /** Props the constructs add, after the model's. */
  readonly extra?: readonly ExtraProp[];
}

/** A field's schema inside an `Optional` wrapper is the field's own schema (TypeBox keeps it flat). */
const field = (schema: TObject, name: string): TObject => (schema.properties as Record<string, TSchema>)[name] as TObject;

const PACKAGE_FIELDS_SET_BY_ROLE = ['role', 'usmt'];

export const PACKAGE_PROPS: PropSpec = {
  name: 'PackageProps',
  doc: 'Props of a `SoftwarePackage`: the identity shown in the console and where the content is. The role is the construct\'s.',
  usedBy: 'SoftwarePackage',
  schema: PackageSchema,
  omit: PACKAGE_FIELDS_SET_BY_ROLE,
  defaults: { sourcePath: 'none: the package has no content' },
};

export const PACKAGE_WITH_CONTENT_PROPS: PropSpec = {
  name: 'PackageWithContentProps',
  doc: 'Props of a package whose content the steps use (`VendorToolsPackage`, and the base of `UsmtPackageProps`): the source is required.',
  usedBy: 'VendorToolsPackage',
  extends: ['PackageProps'],
  schema: PackageSchema,
  pick: ['sourcePath'],
  required: ['sourcePath'],
};

/** The ConfigMgr client package's name unless one is given. */
export const DEFAULT_CLIENT_PACKAGE_NAME = 'Configuration Manager Client Package';

export const CLIENT_PACKAGE_PROPS: PropSpec = {
  name: 'ClientPackageProps',
  doc: 'Props of a `ClientPackage`: every one has a default.',
  usedBy: 'ClientPackage',
  schema: PackageSchema,
  omit: PACKAGE_FIELDS_SET_BY_ROLE,
  optional: ['name'],
  defaults: {
    name: `'${DEFAULT_CLIENT_PACKAGE_NAME}'`,
    sourcePath: `the client files on the site server, \`${DEFAULT_CLIENT_SOURCE}\` (R3); written out, so the plan shows it`,
  },
};

/** USMT 3.0's standard migration rule files, what a USMT package has unless told otherwise. */
export const USMT_STANDARD_RULE_FILES = ['MigApp.xml', 'MigUser.xml', 'MigSys.xml'];

export const USMT_PACKAGE_PROPS: PropSpec = {
  name: 'UsmtPackageProps',
  doc: 'Props of a `UsmtPackage`: the package identity, its content, and the USMT settings (R5), flat.',
  usedBy: 'UsmtPackage',
  extends: ['PackageWithContentProps'],
  schema: UsmtSettingsSchema,
  optional: ['ruleFiles'],
  defaults: { ruleFiles: `the USMT 3.0 rule files, ${USMT_STANDARD_RULE_FILES.map((f) => `\`${f}\``).join(', ')}` },
};

export const PROGRAM_DEPENDENCY_PROPS: PropSpec = {
  name: 'ProgramDependency',
  doc: '"Run another program first", with the other program as a reference. Operating system deployment refuses it (R1).',
  schema: field(ProgramSchema, 'runFirst'),
  omit: ['packageId', 'program'],
  extra: [{ name: 'program', type: 'IProgram', doc: 'The program to run first: a `Program` of this app, or one from `Program.fromProgram`.' }],
};

export const PROGRAM_OPTIONS: PropSpec = {
  name: 'ProgramOptions',
  doc: "A program's settings, as `addProgram` takes them: the model's program fields, without the package (the one `addProgram` is called on).",
  usedBy: 'addProgram',
  schema: ProgramSchema,
  omit: ['packageId', 'runFirst'],
  optional: ['name'],
  defaults: {
    name: 'the construct id',
    runWhen: "`'whetherOrNotUserLoggedOn'` while `forTaskSequence` is true (the default), `'noUserLoggedOn'` for the client package (R4), else `'userLoggedOn'`",
    adminRights: 'true while `forTaskSequence` is true (the default) and for the client package, else false',
  },
  extra: [
    {
      name: 'runFirst',
      type: 'ProgramDependency',
      optional: true,
      doc: 'Run another program first. Not supported by operating system deployment: a step may not install such a program (R1).',
    },
    {
      name: 'forTaskSequence',
      type: 'boolean',
      optional: true,
      doc: [
        'The program is meant to be installed by a task sequence (an Install Software step). Such a step runs it as Local System',
        "with nobody logged on, and refuses a program that needs a user or runs without administrative rights: with this",
        "intent, `runWhen` defaults to `'whetherOrNotUserLoggedOn'` and `adminRights` to true. Set it to false for a program",
        'people install themselves, which then gets the ConfigMgr console\'s defaults. Set explicitly to true, settings a step',
        'would refuse are an error at synth.',
        '',
        'It is an intent stated here rather than inferred from the steps that use the program, so that adding or removing a',
        'step never changes the program, and a program that a task sequence of another app installs gets the same settings.',
      ].join('\n'),
      default: 'true',
    },
  ],
};

export const PROGRAM_PROPS: PropSpec = {
  name: 'ProgramProps',
  doc: 'Props of a `Program`: its settings and the package it belongs to (created in this app or imported).',
  usedBy: 'Program',
  extends: ['ProgramOptions'],
  schema: ProgramSchema,
  pick: ['packageId'],
};

export const OS_IMAGE_PROPS: PropSpec = {
  name: 'OsImageProps',
  doc: "Props of an `OsImage`: the model's OS image fields (the ID is the server's).",
  usedBy: 'OsImage',
  schema: OsImageSchema,
  nestedNames: { images: 'OsImageIndex' },
};

export const OS_INSTALL_PACKAGE_PROPS: PropSpec = {
  name: 'OsInstallPackageProps',
  doc: "Props of an `OsInstallPackage`: the model's fields (the ID is the server's).",
  usedBy: 'OsInstallPackage',
  schema: OsInstallPackageSchema,
};

export const BOOT_IMAGE_PROPS: PropSpec = {
  name: 'BootImageProps',
  doc: "Props of a `BootImage`: the model's boot image fields, with `driverPackages` (references) in place of driver package IDs.",
  usedBy: 'BootImage',
  schema: BootImageSchema,
};

export const DRIVER_PACKAGE_PROPS: PropSpec = {
  name: 'DriverPackageProps',
  doc: "Props of a `DriverPackage`: the model's fields (the ID is the server's).",
  usedBy: 'DriverPackage',
  schema: DriverPackageSchema,
};

export const TASK_SEQUENCE_PROPS: PropSpec = {
  name: 'TaskSequenceProps',
  doc: 'Props of a `TaskSequence`: name, version, description, and the boot image it starts in. Steps are added with `addStep` and `addGroup`.',
  usedBy: 'TaskSequence',
  schema: TaskSequenceSchema,
  omit: ['steps'],
  extra: [
    {
      name: 'secretsVersion',
      type: 'number',
      optional: true,
      doc: [
        'Version of the secrets the steps carry (passwords, product key). Terraform never stores a secret, so it cannot see one',
        'change: after changing any secret value, raise this number and the next apply sends the secrets again. A whole number, 0 or more.',
      ].join('\n'),
      default: 'none: secrets are sent when the sequence is created',
    },
  ],
};

export const STEP_COMMON_PROPS: PropSpec = {
  name: 'StepCommonProps',
  doc: 'The settings every step and group has.',
  usedBy: 'every step',
  schema: StepSchema,
  omit: [...ACTION_NAMES, 'inGroup'],
  optional: ['name'],
  types: { condition: 'Condition' },
  defaults: { name: "the action's name as the console shows it, e.g. `'Apply Operating System'`", condition: 'none: the step always runs' },
};

/** How the props of each step differ from its action's model fields. */
const STEP_CHANGES: Partial<Record<ActionName, Partial<PropSpec>>> = {
  installSoftware: {
    omit: ['packageId', 'programName'],
    extra: [
      {
        name: 'program',
        type: 'IProgram',
        optional: true,
        doc: 'The program to install: a `Program` of this app, or one from `Program.fromProgram`. It may not run another program first (R1), and must run without a user, with administrative rights (see `forTaskSequence`).',
      },
    ],
  },
  // `description` is the step's own; the image's is `imageDescription`.
  captureOperatingSystemImage: { rename: { description: 'imageDescription' } },
};

const pascal = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);

/** The props of the step performing `action`: the common settings and the action's fields. */
export const STEP_PROPS: Readonly<Record<Exclude<ActionName, 'group'>, PropSpec>> = Object.fromEntries(
  ACTION_NAMES.filter((a): a is Exclude<ActionName, 'group'> => a !== 'group').map((action) => [
    action,
    {
      name: `${pascal(action)}Props`,
      doc: `Props of \`${pascal(action)}\`: the common step settings and the action's fields. ${String(ACTIONS[action].description ?? '')}`,
      usedBy: pascal(action),
      extends: ['StepCommonProps'],
      schema: ACTIONS[action],
      ...STEP_CHANGES[action],
    } satisfies PropSpec,
  ]),
) as Record<Exclude<ActionName, 'group'>, PropSpec>;

export const HARDWARE_STEP_PROPS: PropSpec = {
  name: 'HardwareStepProps',
  doc: 'Props of a hardware step (`FlashBios`, `ConfigureRaid`): a Run Command Line step the construct writes from the tool and its settings.',
  usedBy: 'FlashBios, ConfigureRaid',
  extends: ['StepCommonProps'],
  schema: ACTIONS.runCommandLine,
  omit: ['commandLine', 'packageId', 'hardware'],
  extra: [
    {
      name: 'name',
      type: 'string',
      optional: true,
      doc: 'Step name (1–100 characters), shown in the console and the logs.',
      default: "`'Flash BIOS (<computerModel>)'` or `'Configure RAID (<computerModel>)'`",
    },
    {
      name: 'computerModel',
      type: 'string',
      doc: "The computer model the step is for, as `Win32_ComputerSystem.Model` reports it (e.g. `'PowerEdge R710'`, `'ProLiant DL380 G6'`): the step runs only on computers whose model contains it, and only in Windows PE.",
    },
    {
      name: 'tools',
      type: 'IToolsPackage',
      optional: true,
      doc: 'The vendor tools package the tool comes from.',
      default: "none: the tool is included in the task sequence's boot image (its `includedTools`)",
    },
    { name: 'tool', type: 'string', doc: "The vendor tool to run, e.g. `'raidcfg.exe'`, `'X:\\\\Tools\\\\hpacuscripting.exe'`." },
    { name: 'configFile', type: 'string', optional: true, doc: "The settings file, relative to the tools package (e.g. `'raid\\\\r710-raid5.ini'`). Give it, `parameters`, or both." },
    {
      name: 'configFileSwitch',
      type: 'string',
      optional: true,
      doc: "How the tool takes the file, written right before it: `'-i '` gives `-i raid\\r710.ini`, `'-i='` gives `-i=raid\\r710.ini`.",
      default: "`''`: the file is the last argument on its own",
    },
    { name: 'parameters', type: 'string', optional: true, doc: "Further arguments, before the file (e.g. `'/s /f'`)." },
  ],
};

export const DEPLOYMENT_SERVER_PROPS: PropSpec = {
  name: 'DeploymentServerProps',
  doc: "Props of a `DeploymentServer`: the provider's settings, each optional (the provider reads `OSD_*` environment variables for what is left out), and what synth may know of the site.",
  usedBy: 'DeploymentServer',
  schema: ProviderConfigSchema,
  extra: [
    {
      name: 'configMgrVersion',
      type: 'ConfigMgrVersion',
      optional: true,
      doc: "The site's ConfigMgr version, when known. Construct-only (not sent to the provider): it lets synth refuse a USMT package the site cannot use (R5: 2007 and SP1 take USMT 3.0, SP2 also 4.0).",
      default: 'unknown: the server checks at plan and apply',
    },
  ],
};

/** Every props interface, in the order of constructs/generated/props.ts. */
export const ALL_PROP_SPECS: readonly PropSpec[] = [
  DEPLOYMENT_SERVER_PROPS,
  PACKAGE_PROPS,
  PACKAGE_WITH_CONTENT_PROPS,
  USMT_PACKAGE_PROPS,
  CLIENT_PACKAGE_PROPS,
  PROGRAM_OPTIONS,
  PROGRAM_PROPS,
  PROGRAM_DEPENDENCY_PROPS,
  OS_IMAGE_PROPS,
  OS_INSTALL_PACKAGE_PROPS,
  BOOT_IMAGE_PROPS,
  DRIVER_PACKAGE_PROPS,
  TASK_SEQUENCE_PROPS,
  STEP_COMMON_PROPS,
  ...Object.values(STEP_PROPS),
  HARDWARE_STEP_PROPS,
];

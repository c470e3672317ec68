/**
 * A program of a package (`SMS_Program`): the command line that installs software. The API and
 * the constructs speak of intent (`runWhen`, `runFrom`, `adminRights`); the ConfigMgr flags word
 * is derived from it (see `programFlags`) and only ever read.
 */
import { Type, type Static } from '@sinclair/typebox';
import { computed, displayName, immutable, oneOf, reference } from './annotations';

export const RUN_WHEN = ['userLoggedOn', 'noUserLoggedOn', 'whetherOrNotUserLoggedOn'] as const;
export const RUN_FROM = ['networkShare', 'localCopy'] as const;

/** ConfigMgr's documented "unknown" duration in minutes. */
export const UNKNOWN_DURATION = 720;

export const ProgramSchema = Type.Object(
  {
    id: computed(Type.String({ description: 'The program\'s ID: `<packageId>/<name>`.' })),
    packageId: immutable(reference('package', 'ID of the package the program belongs to. A program cannot move to another package.')),
    name: immutable(displayName(50, 'Program name (≤ 50 characters); cannot be renamed.')),
    commandLine: Type.String({ minLength: 1, maxBytes: 255, description: 'Command line (≤ 255 bytes).' }),
    workingDirectory: Type.Optional(Type.String({ maxLength: 127, description: 'Working directory (≤ 127 characters).' })),
    comment: Type.Optional(Type.String({ maxLength: 127, description: 'Comment (≤ 127 characters).' })),
    durationMinutes: Type.Optional(
      Type.Integer({ minimum: 1, maximum: UNKNOWN_DURATION, default: 120, description: `Estimated run time in minutes; ${UNKNOWN_DURATION} means unknown.` }),
    ),
    diskSpaceMb: Type.Optional(Type.Integer({ minimum: 0, maximum: 1048576, description: 'Disk space the program needs, in MB.' })),
    supportedPlatforms: Type.Optional(
      Type.Array(Type.String({ minLength: 1, maxLength: 64 }), {
        maxItems: 64,
        description: 'Platforms the program may run on (e.g. `x86 Windows XP SP2`); empty means any platform.',
      }),
    ),
    runWhen: Type.Optional(
      oneOf(RUN_WHEN, { default: 'userLoggedOn', description: 'Whether the program needs a logged-on user, needs none, or does not care.' }),
    ),
    runFrom: Type.Optional(oneOf(RUN_FROM, { default: 'networkShare', description: 'Run from the distribution point share (UNC) or from a local copy.' })),
    adminRights: Type.Optional(Type.Boolean({ default: false, description: 'Run with administrative rights (as Local System).' })),
    allowUserInteraction: Type.Optional(Type.Boolean({ default: false, description: 'Let the user interact with the program.' })),
    mayRestartComputer: Type.Optional(
      Type.Boolean({ default: false, description: 'The program restarts the computer by itself (instead of returning 3010).' }),
    ),
    hideWindow: Type.Optional(Type.Boolean({ default: false, description: 'Hide the program window.' })),
    disabled: Type.Optional(Type.Boolean({ default: false, description: 'The program may not run.' })),
    runFirst: Type.Optional(
      Type.Object(
        {
          packageId: reference('package', 'Package of the program to run first.'),
          program: Type.String({ minLength: 1, maxLength: 50, description: 'Name of the program to run first.' }),
          always: Type.Optional(Type.Boolean({ default: false, description: 'Run it every time, not only when it has not run.' })),
        },
        {
          additionalProperties: false,
          referencesBy: { kind: 'program', fields: { packageId: 'packageId', name: 'program' }, at: 'program' },
          description: '"Run another program first". Not supported by operating system deployment: a task sequence step may not install such a program (R1).',
        },
      ),
    ),
    flags: computed(Type.Integer({ description: 'The ConfigMgr `ProgramFlags` word derived from the settings above.' })),
  },
  { additionalProperties: false, description: 'A program of a package: the command line that installs it.' },
);
export type Program = Static<typeof ProgramSchema>;

/** `ProgramFlags` bits (SMS_Program). */
export const ProgramFlag = {
  RUN_DEPENDANT_ALWAYS: 0x80,
  DISABLED: 0x1000,
  UNATTENDED: 0x2000,
  USERCONTEXT: 0x4000,
  ADMINRIGHTS: 0x8000,
  EVERYUSER: 0x10000,
  NOUSERLOGGEDIN: 0x20000,
  OKTOREBOOT: 0x80000,
  USEUNCPATH: 0x100000,
  HIDEWINDOW: 0x1000000,
  ANY_PLATFORM: 0x8000000,
} as const;

/** Derives ConfigMgr's flags word from a program's intent (defaults applied). */
export function programFlags(p: Program): number {
  const f = ProgramFlag;
  let flags = f.EVERYUSER;
  if (p.runWhen === 'userLoggedOn') flags |= f.USERCONTEXT;
  if (p.runWhen === 'noUserLoggedOn') flags |= f.NOUSERLOGGEDIN;
  if (p.runFrom !== 'localCopy') flags |= f.USEUNCPATH;
  if (!p.allowUserInteraction) flags |= f.UNATTENDED;
  if (p.adminRights) flags |= f.ADMINRIGHTS;
  if (p.mayRestartComputer) flags |= f.OKTOREBOOT;
  if (p.hideWindow) flags |= f.HIDEWINDOW;
  if (p.disabled) flags |= f.DISABLED;
  if (p.runFirst?.always) flags |= f.RUN_DEPENDANT_ALWAYS;
  if (!p.supportedPlatforms || p.supportedPlatforms.length === 0) flags |= f.ANY_PLATFORM;
  return flags >>> 0;
}

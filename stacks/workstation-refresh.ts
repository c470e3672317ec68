/**
 * Example (b): refresh a workstation and keep its users' files and settings.
 *
 * The running Windows hands the user state to USMT (`scanstate`), which stores it on a state
 * migration point; the computer restarts into Windows PE (the boot image) and the captured image
 * from the reference build is applied; the new Windows joins
 * the domain and gets the ConfigMgr client; USMT restores the state (`loadstate`); applications
 * that cannot be in the image are installed last.
 */
import type { Construct } from 'constructs';
import { TerraformStack } from 'cdktf';
import {
  ApplyNetworkSettings,
  ApplyOperatingSystem,
  ApplyWindowsSettings,
  BootImage,
  CaptureUserState,
  ClientPackage,
  DeploymentServer,
  InstallSoftware,
  OsImage,
  ReleaseStateStore,
  RequestStateStore,
  RestartComputer,
  RestoreUserState,
  SetupWindowsAndConfigMgr,
  SoftwarePackage,
  TaskSequence,
  UsmtPackage,
} from '../constructs';
import type { ExampleStackProps } from './reference-build';
import { secretVariable } from './secrets';

export class WorkstationRefreshStack extends TerraformStack {
  /** The refresh task sequence. */
  readonly refresh: TaskSequence;

  constructor(scope: Construct, id: string, props: ExampleStackProps = {}) {
    super(scope, id);
    new DeploymentServer(this, 'Server', props.server);

    const bootImage = new BootImage(this, 'BootImage', {
      name: 'Boot image (x86) - workstation refresh',
      version: '6.0.6001',
      sourcePath: '\\\\cm01\\sources\\boot\\x86\\boot.wim',
      architecture: 'x86',
    });

    // R5: user state migration needs a USMT package. ConfigMgr 2007 uses USMT 3.0; x86 and x64
    // builds share file names, so this package is the x86 one. Its rule files default to USMT
    // 3.0's MigApp.xml, MigUser.xml and MigSys.xml. No program is needed.
    const usmt = new UsmtPackage(this, 'Usmt', {
      name: 'USMT 3.0.1 x86',
      version: '3.0.1',
      sourcePath: '\\\\cm01\\sources\\usmt\\3.0.1\\x86',
      usmtVersion: '3.0',
      architecture: 'x86',
    });

    // The image captured by the reference build (reference-build.ts), registered by its path.
    // R7: everything preinstalled must survive Sysprep; the version says which capture this is.
    // No properties are baked in (R8): the client properties are given on the step below, so
    // one image serves every site.
    const image = new OsImage(this, 'Windows7Image', {
      name: 'Windows 7 Enterprise x86',
      version: '2010.06',
      sourcePath: '\\\\cm01\\captures\\win7-ent-x86-2010.06.wim',
      images: [{ index: 1, name: 'Windows 7 Enterprise x86 with Office 2007' }],
      preinstalledApplications: [{ name: 'Office 2007 Enterprise', version: '12.0.6425', sysprepCapable: true }],
    });

    const client = new ClientPackage(this, 'Client', { name: 'ConfigMgr client - workstation refresh' });

    // Installed at deployment time rather than baked in: it registers itself per computer, which
    // Sysprep would not undo (R7).
    const lineOfBusiness = new SoftwarePackage(this, 'Timesheet', {
      name: 'Timesheet client',
      version: '4.2',
      manufacturer: 'Corp',
      sourcePath: '\\\\cm01\\sources\\apps\\timesheet-4.2',
    });
    const timesheetSetup = lineOfBusiness.addProgram('Install', { commandLine: 'msiexec /i timesheet.msi /qn REBOOT=ReallySuppress' });

    const joinPassword = secretVariable(this, 'join_password', 'Password of CORP\\svc-join, which joins computers to the domain');

    this.refresh = new TaskSequence(this, 'Refresh', {
      name: 'Refresh Windows 7 workstation',
      version: '2010.06',
      bootImage,
    });

    // In the old Windows: save the user state to a state migration point.
    this.refresh.addGroup('Capture user state').addStep(
      new RequestStateStore({ purpose: 'capture' }),
      new CaptureUserState({ usmtPackage: usmt, continueOnLockedFiles: true }),
      new ReleaseStateStore(),
    );

    // In Windows PE: the new Windows, from the image. The sequence starts in the old Windows, so
    // it restarts into the boot image first (R6 follows where each step runs).
    this.refresh.addStep(
      new RestartComputer({ name: 'Restart in Windows PE', target: 'windowsPe', message: 'Windows is being reinstalled; your files are kept.', notificationSeconds: 60 }),
      new ApplyOperatingSystem({ name: 'Apply Windows 7 image', imagePackage: image, imageIndex: 1 }),
      new ApplyWindowsSettings({ registeredUser: 'Corp', registeredOrganization: 'Corp', timeZone: 'W. Europe Standard Time' }),
      new ApplyNetworkSettings({
        joinType: 'domain',
        domain: 'corp.example.com',
        domainOu: 'LDAP://OU=Workstations,DC=corp,DC=example,DC=com',
        joinAccount: 'CORP\\svc-join',
        joinPassword,
      }),
      // R3: the client comes from the client package; its installation properties go here.
      new SetupWindowsAndConfigMgr({
        clientPackage: client,
        installationProperties: 'SMSSITECODE=CM1 FSP=fsp01.corp.example.com DNSSUFFIX=corp.example.com',
      }),
    );

    // In the new Windows: the user state back, then what the image does not contain.
    this.refresh.addGroup('Restore user state').addStep(
      new RequestStateStore({ purpose: 'restore' }),
      new RestoreUserState({ usmtPackage: usmt }),
      new ReleaseStateStore(),
    );
    this.refresh.addStep(new InstallSoftware({ name: 'Timesheet client', program: timesheetSetup }));
  }
}

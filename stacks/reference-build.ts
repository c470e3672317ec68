/**
 * Example (a): build and capture a reference computer.
 *
 * A reference computer is installed from the Windows setup files, gets the ConfigMgr client and
 * the applications every workstation needs, is generalised with Sysprep and captured to a `.wim`.
 * That image is what later deployments apply (see workstation-refresh.ts), so everything that
 * goes into it must survive Sysprep (R7).
 */
import type { Construct } from 'constructs';
import { TerraformStack } from 'cdktf';
import {
  ApplyNetworkSettings,
  ApplyOperatingSystem,
  ApplyWindowsSettings,
  BootImage,
  CaptureOperatingSystemImage,
  ClientPackage,
  DeploymentServer,
  InstallSoftware,
  OsInstallPackage,
  PartitionDisk,
  PrepareWindowsForCapture,
  SetupWindowsAndConfigMgr,
  SoftwarePackage,
  TaskSequence,
  type DeploymentServerProps,
} from '../constructs';
import { secretVariable } from './secrets';

/** Props of the example stacks: where the deployment server is. */
export interface ExampleStackProps {
  /** The deployment server; anything left out the provider reads from OSD_* environment variables. */
  readonly server?: DeploymentServerProps;
}

export class ReferenceBuildStack extends TerraformStack {
  /** The task sequence that builds and captures the reference computer. */
  readonly buildAndCapture: TaskSequence;

  constructor(scope: Construct, id: string, props: ExampleStackProps = {}) {
    super(scope, id);

    // One deployment server per stack. The token is not given here: the provider reads OSD_TOKEN,
    // so it never lands in cdk.tf.json.
    new DeploymentServer(this, 'Server', props.server);

    // Windows PE, which the sequence starts in. Nothing hardware-specific is needed for a
    // reference computer, which is usually a virtual machine.
    const bootImage = new BootImage(this, 'BootImage', {
      name: 'Boot image (x86) - reference build',
      version: '6.0.6001',
      sourcePath: '\\\\cm01\\sources\\boot\\x86\\boot.wim',
      architecture: 'x86',
      enableCommandPrompt: true, // F8 for troubleshooting while the build is being developed
    });

    // The Windows setup files. A build starts from them, not from an earlier capture, so the
    // image contains nothing that was not put there on purpose.
    const windowsSetup = new OsInstallPackage(this, 'Windows7Setup', {
      name: 'Windows 7 Enterprise x86 setup',
      version: '6.1.7600',
      sourcePath: '\\\\cm01\\sources\\os\\win7-ent-x86',
      editions: [{ index: 1, name: 'Windows 7 ENTERPRISE' }],
    });

    // R3: the client package backs Setup Windows and ConfigMgr. It needs no program, and its
    // source defaults to the client files on the site server. (Each example stack is
    // self-contained, so each names its own; on a real site the client package exists once:
    // reference it with ClientPackage.fromPackageId.)
    const client = new ClientPackage(this, 'Client', { name: 'ConfigMgr client - reference build' });

    // Applications that belong in every workstation image. They must survive Sysprep (R7);
    // whatever does not is installed at deployment time instead.
    const office = new SoftwarePackage(this, 'Office2007', {
      name: 'Office 2007 Enterprise',
      version: '12.0.6425',
      manufacturer: 'Microsoft',
      sourcePath: '\\\\cm01\\sources\\apps\\office2007',
    });
    // A program is meant for a task sequence unless it says `forTaskSequence: false`, so its
    // defaults are what an Install Software step needs: run whether or not a user is logged on,
    // with administrative rights. It must not "run another program first" either (R1).
    const officeSetup = office.addProgram('Install', {
      commandLine: 'setup.exe /adminfile workstation.msp',
      durationMinutes: 60,
    });

    // The capture account writes the .wim to the share; its password is a secret.
    const capturePassword = secretVariable(this, 'capture_password', 'Password of CORP\\svc-capture, which writes captured images');

    this.buildAndCapture = new TaskSequence(this, 'BuildAndCapture', {
      name: 'Build and capture Windows 7 reference',
      version: '2010.06',
      bootImage,
    });
    this.buildAndCapture.addStep(
      // Windows PE: a clean disk, then Windows from its setup files.
      new PartitionDisk({
        name: 'Partition disk 0',
        partitions: [{ name: 'Windows', size: 100, sizeUnit: 'percent', bootable: true, fileSystem: 'ntfs' }],
      }),
      new ApplyOperatingSystem({ name: 'Install Windows 7', installPackage: windowsSetup, editionIndex: 1 }),
      new ApplyWindowsSettings({ registeredUser: 'Corp IT', registeredOrganization: 'Corp', timeZone: 'W. Europe Standard Time' }),
      // A reference computer stays in a workgroup: a domain join would be captured into the image.
      new ApplyNetworkSettings({ joinType: 'workgroup', workgroup: 'BUILD' }),
      new SetupWindowsAndConfigMgr({ clientPackage: client, installationProperties: 'SMSSITECODE=CM1' }),
    );
    // Full OS: the applications of the image, each in its own step.
    this.buildAndCapture.addGroup('Install applications').addStep(new InstallSoftware({ name: 'Office 2007', program: officeSetup }));
    this.buildAndCapture.addStep(
      new PrepareWindowsForCapture({ buildMassStorageDriverList: true }),
      new CaptureOperatingSystemImage({
        destination: '\\\\cm01\\captures\\win7-ent-x86-2010.06.wim',
        version: '2010.06',
        imageDescription: 'Windows 7 Enterprise x86 with Office 2007',
        createdBy: 'Corp IT',
        captureAccount: 'CORP\\svc-capture',
        capturePassword,
      }),
    );
  }
}

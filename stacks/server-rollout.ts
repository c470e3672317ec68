/**
 * Example (c): roll out Windows Server to two server models, hardware configuration included.
 *
 * Server hardware is configured by the deployment itself (R6): in Windows PE, before the disk is
 * partitioned (a RAID change destroys partitions), each model gets its BIOS and RAID settings from
 * its vendor's tools. The tools can come from a package or be included in the boot image; this
 * stack shows both:
 *   - Dell (PowerEdge R710): the OpenManage Deployment Toolkit as a tools package, versioned and
 *     updated on its own;
 *   - HP (ProLiant DL380 G6): the SmartStart Scripting Toolkit included in the boot image, simpler
 *     to call, but every tool update means rebuilding the boot image.
 * Either way the boot image must carry the storage drivers, or Windows PE cannot see the disks.
 *
 * Two task sequences share the content: one for new servers, which start in Windows PE (PXE or
 * boot media), and a refresh for servers that run Windows already. The refresh keeps the
 * server's name and network settings, restarts into Windows PE, and from there does what the
 * first one does: R6 follows the environment through the Restart Computer step, so the hardware
 * steps after it run in Windows PE, before the disk is partitioned.
 */
import type { Construct } from 'constructs';
import { TerraformStack } from 'cdktf';
import {
  ApplyDriverPackage,
  ApplyNetworkSettings,
  ApplyOperatingSystem,
  ApplyWindowsSettings,
  BootImage,
  CaptureNetworkSettings,
  CaptureWindowsSettings,
  ClientPackage,
  Condition,
  ConfigureRaid,
  DeploymentServer,
  DriverPackage,
  FlashBios,
  OsImage,
  PartitionDisk,
  RestartComputer,
  SetupWindowsAndConfigMgr,
  TaskSequence,
  VendorToolsPackage,
  type IStepContainer,
  type TaskSequenceStep,
} from '../constructs';
import type { ExampleStackProps } from './reference-build';
import { secretVariable } from './secrets';

/** The server models, as `Win32_ComputerSystem.Model` reports them. */
const DELL_R710 = 'PowerEdge R710';
const HP_DL380_G6 = 'ProLiant DL380 G6';

export interface ServerRolloutProps extends ExampleStackProps {
  /**
   * The RAID layout each model gets, as a file of its vendor's RAID tool. Default: RAID 5
   * (`raid\\r710-raid5.ini` in the Dell toolkit package, `X:\\Tools\\hp\\dl380g6-raid5.ini` in the boot image).
   */
  readonly raidConfigFiles?: { readonly dellR710?: string; readonly hpDl380G6?: string };
}

export class ServerRolloutStack extends TerraformStack {
  /** The server deployment task sequence, for new servers (it starts in Windows PE). */
  readonly deployServer: TaskSequence;
  /** The refresh of a server that runs Windows already: the same deployment after a restart into Windows PE. */
  readonly refreshServer: TaskSequence;

  constructor(scope: Construct, id: string, props: ServerRolloutProps = {}) {
    super(scope, id);
    new DeploymentServer(this, 'Server', props.server);

    // Storage drivers of both RAID controllers. Boot-critical: Windows PE needs them to see the
    // disks, and the new Windows needs them to start.
    const dellStorage = new DriverPackage(this, 'DellPerc6Drivers', {
      name: 'Dell PERC 6/i storage driver',
      version: '2.23.0.64',
      manufacturer: 'Dell',
      sourcePath: '\\\\cm01\\drivers\\dell\\perc6i-x64',
      drivers: [{ infFile: 'percsas.inf', driverClass: 'SCSIAdapter', version: '2.23.0.64', bootCritical: true }],
    });
    const hpStorage = new DriverPackage(this, 'HpSmartArrayDrivers', {
      name: 'HP Smart Array P410i storage driver',
      version: '6.20.0.64',
      manufacturer: 'HP',
      sourcePath: '\\\\cm01\\drivers\\hp\\p410i-x64',
      drivers: [{ infFile: 'hpcisss2.inf', driverClass: 'SCSIAdapter', version: '6.20.0.64', bootCritical: true }],
    });

    // Windows PE x64 with both storage drivers, and HP's scripting tools included (the
    // pre-start command copies them to X:\Tools\hp when Windows PE starts).
    const bootImage = new BootImage(this, 'BootImage', {
      name: 'Boot image (x64) - servers',
      version: '6.0.6001',
      sourcePath: '\\\\cm01\\sources\\boot\\x64-servers\\boot.wim',
      architecture: 'x64',
      driverPackages: [dellStorage, hpStorage],
      preStartCommand: { commandLine: 'cmd /c xcopy /s /y tools X:\\Tools\\', sourceDirectory: '\\\\cm01\\sources\\winpe-tools' },
      includedTools: [
        { name: 'conrep', path: 'X:\\Tools\\hp\\conrep.exe' },
        { name: 'hpacuscripting', path: 'X:\\Tools\\hp\\hpacuscripting.exe' },
      ],
    });

    // Dell's toolkit as a package: its BIOS images and RAID files are versioned with it.
    const dellToolkit = new VendorToolsPackage(this, 'DellDeploymentToolkit', {
      name: 'Dell OpenManage Deployment Toolkit',
      version: '3.2',
      manufacturer: 'Dell',
      sourcePath: '\\\\cm01\\sources\\tools\\dell-dtk-3.2',
    });

    const image = new OsImage(this, 'Server2008Image', {
      name: 'Windows Server 2008 Enterprise x64',
      version: '2010.05',
      sourcePath: '\\\\cm01\\captures\\w2k8-ent-x64-2010.05.wim',
      images: [{ index: 1, name: 'Windows Server 2008 Enterprise x64' }],
    });
    const client = new ClientPackage(this, 'Client', { name: 'ConfigMgr client - servers' });

    const localAdminPassword = secretVariable(this, 'server_admin_password', 'Local Administrator password of new servers');
    const joinPassword = secretVariable(this, 'server_join_password', 'Password of CORP\\svc-join, which joins servers to the domain');

    // R6: first, in Windows PE, the hardware. Each step runs only on its model (a WMI condition
    // on Win32_ComputerSystem.Model) and only in Windows PE.
    const configureHardware = (sequence: IStepContainer) =>
      sequence.addGroup('Configure hardware').addStep(
        new FlashBios({
          computerModel: DELL_R710,
          tools: dellToolkit,
          tool: 'bios\\R710-020007.exe',
          parameters: '/s /f',
          timeoutMinutes: 30,
        }),
        new ConfigureRaid({
          computerModel: DELL_R710,
          tools: dellToolkit,
          tool: 'raidcfg.exe',
          configFileSwitch: '-i=',
          configFile: props.raidConfigFiles?.dellR710 ?? 'raid\\r710-raid5.ini',
          timeoutMinutes: 30,
        }),
        // No tools package: these tools are included in the boot image.
        new FlashBios({
          computerModel: HP_DL380_G6,
          tool: 'X:\\Tools\\hp\\conrep.exe',
          parameters: '-l',
          configFileSwitch: '-f',
          configFile: 'X:\\Tools\\hp\\dl380g6-bios.xml',
          timeoutMinutes: 30,
        }),
        new ConfigureRaid({
          computerModel: HP_DL380_G6,
          tool: 'X:\\Tools\\hp\\hpacuscripting.exe',
          configFileSwitch: '-i ',
          configFile: props.raidConfigFiles?.hpDl380G6 ?? 'X:\\Tools\\hp\\dl380g6-raid5.ini',
          timeoutMinutes: 30,
        }),
      );

    // Only now the disk: partitioned on the new RAID volume, then Windows and its storage driver.
    const installWindows = (): TaskSequenceStep[] => [
      new PartitionDisk({ name: 'Partition RAID volume', partitions: [{ name: 'System', size: 100, bootable: true }] }),
      new ApplyOperatingSystem({ name: 'Apply Windows Server 2008 image', imagePackage: image }),
      new ApplyDriverPackage({ name: `Storage driver (${DELL_R710})`, driverPackage: dellStorage, condition: Condition.computerModel(DELL_R710) }),
      new ApplyDriverPackage({ name: `Storage driver (${HP_DL380_G6})`, driverPackage: hpStorage, condition: Condition.computerModel(HP_DL380_G6) }),
      new ApplyWindowsSettings({
        registeredUser: 'Corp IT',
        registeredOrganization: 'Corp',
        timeZone: 'W. Europe Standard Time',
        randomLocalAdminPassword: false,
        localAdminPassword,
      }),
      new ApplyNetworkSettings({
        joinType: 'domain',
        domain: 'corp.example.com',
        domainOu: 'LDAP://OU=Servers,DC=corp,DC=example,DC=com',
        joinAccount: 'CORP\\svc-join',
        joinPassword,
      }),
      new SetupWindowsAndConfigMgr({
        clientPackage: client,
        installationProperties: 'SMSSITECODE=CM1 FSP=fsp01.corp.example.com DNSSUFFIX=corp.example.com',
      }),
    ];

    this.deployServer = new TaskSequence(this, 'DeployServer', {
      name: 'Deploy Windows Server 2008 x64',
      version: '2010.05',
      description: `Hardware configuration and Windows Server for ${DELL_R710} and ${HP_DL380_G6}`,
      bootImage,
      // Terraform never stores the passwords below, so it cannot see them change: after rotating
      // one (a new TF_VAR_ value), raise this number and the next deploy sends them again.
      secretsVersion: 1,
    });
    configureHardware(this.deployServer);
    this.deployServer.addStep(...installWindows());

    // The refresh starts in the old Windows: it keeps the server's name and its network settings
    // (static addresses, which Apply Network Settings then applies instead of its own), and
    // restarts into Windows PE. From there it is the deployment above.
    this.refreshServer = new TaskSequence(this, 'RefreshServer', {
      name: 'Refresh Windows Server 2008 x64',
      version: '2010.05',
      description: `Reinstall a running ${DELL_R710} or ${HP_DL380_G6}, hardware configuration included`,
      bootImage,
      secretsVersion: 1,
    });
    this.refreshServer.addGroup('Keep server settings').addStep(
      new CaptureWindowsSettings({ registration: false }),
      new CaptureNetworkSettings({ membership: false }),
    );
    this.refreshServer.addStep(
      new RestartComputer({
        name: 'Restart in Windows PE',
        target: 'windowsPe',
        message: 'This server is being reinstalled by the task sequence "Refresh Windows Server 2008 x64".',
        notificationSeconds: 300,
      }),
    );
    configureHardware(this.refreshServer);
    this.refreshServer.addStep(...installWindows());
  }
}

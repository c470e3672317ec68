/**
 * Settings steps: Capture Network Settings, Capture Windows Settings, Apply Network Settings,
 * Apply Windows Settings. STEP-CATALOGUE.md §2.7.
 */
import { Type } from '@sinclair/typebox';
import { cm, oneOf, secret } from '../annotations';
import { action, item } from './define';
import { JOIN_TYPE_VALUES, joinFields } from './general';

export const captureNetworkSettings = action(
  {
    type: 'SMS_TaskSequence_CaptureNetworkSettingsAction',
    action: 'osdnetsettings.exe capture netmembership:%%OSDMigrateNetworkMembership%% adapters:%%OSDMigrateAdapterSettings%%',
    runIn: 'FullOS',
  },
  'Capture Network Settings (full OS): keeps the network settings for Apply Network Settings, whose own values they override.',
  {
    adapterSettings: Type.Optional(
      cm(Type.Boolean({ default: true, description: 'Capture the TCP/IP, DNS and filter settings of each adapter.' }), {
        property: 'MigrateAdapterSettings',
        variable: 'OSDMigrateAdapterSettings',
      }),
    ),
    membership: Type.Optional(
      cm(Type.Boolean({ default: false, description: 'Capture the domain or workgroup membership.' }), {
        property: 'MigrateNetworkMembership',
        variable: 'OSDMigrateNetworkMembership',
      }),
    ),
  },
);

export const captureWindowsSettings = action(
  {
    type: 'SMS_TaskSequence_CaptureWindowsSettingsAction',
    action: 'osdwinsettings.exe /capture /name:%%OSDMigrateComputerName%% /reginfo:%%OSDMigrateRegistrationInfo%% /timezone:%%OSDMigrateTimeZone%%',
    runIn: 'WinPEandFullOS',
  },
  'Capture Windows Settings: keeps the computer name, registration and time zone for Apply Windows Settings, whose own values they override.',
  {
    computerName: Type.Optional(
      cm(Type.Boolean({ default: true, description: 'Capture the computer name (into `OSDComputerName`).' }), { property: 'MigrateComputerName', variable: 'OSDMigrateComputerName' }),
    ),
    registration: Type.Optional(
      cm(Type.Boolean({ default: true, description: 'Capture the registered user and organisation.' }), {
        property: 'MigrateRegistrationInfo',
        variable: 'OSDMigrateRegistrationInfo',
      }),
    ),
    timeZone: Type.Optional(
      cm(Type.Boolean({ default: true, description: 'Capture the time zone (into `OSDTimeZone`).' }), { property: 'MigrateTimeZone', variable: 'OSDMigrateTimeZone' }),
    ),
  },
);

const addresses = (description: string) => Type.Array(Type.String({ minLength: 1, maxLength: 255, pattern: '^[^,]+$' }), { maxItems: 32, description });
const ports = (description: string) => Type.Array(Type.Integer({ minimum: 0, maximum: 65535 }), { maxItems: 64, description });
const flag = (property: string, byDefault: boolean, description: string) =>
  Type.Optional(cm(Type.Boolean({ default: byDefault, description }), { property, variable: property }));

/** One adapter's settings (`SMS_TaskSequence_NetworkAdapterSettings`). */
const adapter = item({
  macAddress: cm(Type.String({ pattern: '^[0-9A-Fa-f]{2}([:-][0-9A-Fa-f]{2}){5}$', description: 'MAC address of the adapter the settings are for.' }), {
    property: 'MACAddress',
    variable: 'MACAddress',
  }),
  name: Type.Optional(cm(Type.String({ maxLength: 255, description: 'Connection name.' }), { property: 'Name', variable: 'Name' })),
  index: Type.Optional(cm(Type.Integer({ minimum: 0, maximum: 4294967295, description: 'Adapter index.' }), { property: 'Index', variable: 'Index' })),
  enableDhcp: flag('EnableDHCP', true, 'Get the address from DHCP; the addresses below apply only without it.'),
  ipAddresses: Type.Optional(cm(addresses('IP addresses, without DHCP.'), { property: 'IPAddressList', variable: 'IPAddressList', list: ',' })),
  subnetMasks: Type.Optional(cm(addresses('Subnet masks, one per IP address.'), { property: 'SubnetMask', variable: 'SubnetMask', list: ',' })),
  gateways: Type.Optional(cm(addresses('Default gateways, without DHCP.'), { property: 'Gateways', variable: 'Gateways', list: ',' })),
  gatewayCostMetric: Type.Optional(
    cm(Type.Integer({ minimum: 0, maximum: 9999, description: 'Metric of the gateways, without DHCP.' }), { property: 'GatewayCostMetric', variable: 'GatewayCostMetric' }),
  ),
  dnsServers: Type.Optional(cm(addresses('DNS servers, in order.'), { property: 'DNSServerList', variable: 'DNSServerList', list: ',' })),
  enableDnsRegistration: flag('EnableDNSRegistration', true, "Register the connection's addresses in DNS."),
  enableFullDnsRegistration: flag('EnableFullDNSRegistration', false, "Register them under the connection's own DNS suffix too."),
  enableWins: flag('EnableWINS', false, 'Use WINS servers.'),
  winsServers: Type.Optional(cm(addresses('WINS servers, with `enableWins`.'), { property: 'WINSServerList', variable: 'WINSServerList', list: ',' })),
  enableLmhosts: flag('EnableLMHOSTS', true, 'Look up NetBIOS names in LMHOSTS.'),
  netbiosOverTcpip: Type.Optional(
    cm(oneOf(['fromDhcp', 'enabled', 'disabled'], { default: 'fromDhcp', description: 'NetBIOS over TCP/IP: as DHCP says, on or off.' }), {
      property: 'TcpipNetbiosOptions',
      variable: 'TcpipNetbiosOptions',
      values: { fromDhcp: '0', enabled: '1', disabled: '2' },
    }),
  ),
  enableTcpFiltering: flag('EnableTCPFiltering', false, 'Accept TCP only on `tcpFilterPorts`.'),
  tcpFilterPorts: Type.Optional(cm(ports('TCP ports accepted, with `enableTcpFiltering`.'), { property: 'TCPFilterPortList', variable: 'TCPFilterPortList', list: ',' })),
  enableUdpFiltering: flag('EnableUDPFiltering', false, 'Accept UDP only on `udpFilterPorts`.'),
  udpFilterPorts: Type.Optional(cm(ports('UDP ports accepted, with `enableUdpFiltering`.'), { property: 'UDPFilterPortList', variable: 'UDPFilterPortList', list: ',' })),
  enableIpProtocolFiltering: flag('EnableIPProtocolFiltering', false, 'Accept only the IP protocols in `ipProtocolFilters`.'),
  ipProtocolFilters: Type.Optional(
    cm(addresses('IP protocol numbers accepted, with `enableIpProtocolFiltering`.'), { property: 'IPProtocolFilterList', variable: 'IPProtocolFilterList', list: ',' }),
  ),
});

export const applyNetworkSettings = action(
  { type: 'SMS_TaskSequence_ApplyNetworkSettingsAction', action: 'osdnetsettings.exe configure', runIn: 'WinPEandFullOS', variablePrefix: 'OSD' },
  'Apply Network Settings (Windows PE): domain or workgroup, DNS and adapter settings for the new Windows, applied by Setup Windows and ConfigMgr.',
  {
    joinType: Type.Optional(
      cm(oneOf(['workgroup', 'domain'], { default: 'workgroup', description: 'Join a workgroup or a domain.' }), {
        property: 'NetworkJoinType',
        variable: 'OSDNetworkJoinType',
        values: JOIN_TYPE_VALUES,
      }),
    ),
    ...joinFields({ domain: 'OSDDomainName', domainOu: 'OSDDomainOUName', workgroup: 'OSDWorkgroupName' }),
    dnsDomain: Type.Optional(
      cm(Type.String({ minLength: 1, maxLength: 255, description: 'Primary DNS suffix of the computer.' }), { property: 'DNSDomain', variable: 'OSDDNSDomain', global: true }),
    ),
    dnsSuffixSearchOrder: Type.Optional(
      cm(addresses('DNS suffixes to search, in order.'), { property: 'DNSSuffixSearchOrder', variable: 'OSDDNSSuffixSearchOrder', list: ',', global: true }),
    ),
    enableTcpIpFiltering: Type.Optional(
      cm(Type.Boolean({ default: false, description: 'Turn on TCP/IP filtering (per adapter: `enableTcpFiltering` and the others).' }), {
        property: 'EnableTCPIPFiltering',
        variable: 'OSDEnableTCPIPFiltering',
        global: true,
      }),
    ),
    adapters: Type.Optional(
      cm(Type.Array(adapter, { maxItems: 16, description: 'Settings per network adapter, applied in the order Windows enumerates the adapters.' }), {
        property: 'Adapters',
        variable: 'OSDAdapter',
        global: true,
        items: { count: { property: 'NumAdapters', variable: 'OSDAdapterCount' } },
      }),
    ),
  },
);

/** Locale fields: later additions with no SDK qualifier. STEPS lists them as `OSDWindowsSettings…`; §1.4's rule gives `OSD…`. */
const locale = (property: string, description: string) =>
  Type.Optional(
    cm(Type.String({ minLength: 1, maxLength: 85, description }), { property, variable: `OSDWindowsSettings${property}`, alsoAccept: [`OSD${property}`] }),
  );

export const applyWindowsSettings = action(
  { type: 'SMS_TaskSequence_ApplyWindowsSettingsAction', action: 'osdwinsettings.exe /config', runIn: 'WinPE', variablePrefix: 'OSD' },
  'Apply Windows Settings (Windows PE): registration, product key, computer name, administrator password, time zone and languages for the new Windows.',
  {
    registeredUser: cm(Type.String({ minLength: 1, maxLength: 255, description: 'Registered user name.' }), {
      property: 'RegisteredUserName',
      variable: 'OSDRegisteredUserName',
    }),
    registeredOrganization: cm(Type.String({ minLength: 1, maxLength: 255, description: 'Registered organisation.' }), {
      property: 'RegisteredOrgName',
      variable: 'OSDRegisteredOrgName',
    }),
    productKey: Type.Optional(cm(secret({ description: 'Product key.' }), { property: 'ProductKey', variable: 'OSDProductKey' })),
    serverLicensing: Type.Optional(
      cm(oneOf(['perSeat', 'perServer'], { description: 'Windows Server licensing mode.' }), {
        property: 'ServerLicenseMode',
        variable: 'OSDServerLicenseMode',
        values: { perSeat: 'PerSeat', perServer: 'PerServer' },
      }),
    ),
    serverConnectionLimit: Type.Optional(
      cm(Type.Integer({ minimum: 5, maximum: 9999, description: 'Connections allowed with `perServer` licensing (5–9999).' }), {
        property: 'ServerLicenseConnectionLimit',
        variable: 'OSDServerLicenseConnectionLimit',
      }),
    ),
    randomLocalAdminPassword: Type.Optional(
      cm(Type.Boolean({ default: true, description: 'Give the local administrator a random password and disable the account; false: enable it with `localAdminPassword`.' }), {
        property: 'RandomAdminPassword',
        variable: 'OSDRandomAdminPassword',
      }),
    ),
    localAdminPassword: Type.Optional(
      cm(secret({ description: 'Local administrator password, when not random.' }), { property: 'AdminPassword', variable: 'OSDLocalAdminPassword' }),
    ),
    computerName: Type.Optional(
      cm(
        Type.String({
          minLength: 1,
          maxLength: 255,
          default: '%_SMSTSMachineName%',
          description: 'Computer name: at most 15 characters once its variables (`%OSDComputerName%`) are expanded; by default the name the computer has.',
        }),
        { property: 'ComputerName', variable: 'OSDComputerName' },
      ),
    ),
    timeZone: Type.Optional(
      cm(Type.String({ maxLength: 255, description: "Time zone by its English name (`W. Europe Standard Time`); a localised name falls back to UTC." }), {
        property: 'TimeZone',
        variable: 'OSDTimeZone',
      }),
    ),
    inputLocale: locale('InputLocale', 'Keyboard layout (`de-DE`, `0407:00000407`).'),
    systemLocale: locale('SystemLocale', 'Language for programs that do not use Unicode (`de-DE`).'),
    uiLanguage: locale('UILanguage', 'Language of the Windows user interface (`de-DE`).'),
    uiLanguageFallback: locale('UILanguageFallback', 'Language for what `uiLanguage` does not translate (`en-US`).'),
    userLocale: locale('UserLocale', 'Formats of dates, times, numbers and currency (`de-DE`).'),
  },
);

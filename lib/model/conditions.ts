/**
 * Step conditions: when a task sequence step or group runs.
 *
 * ConfigMgr's condition (`SMS_TaskSequence_Condition`) is a tree: operators (`and`, `or`, `not`,
 * `SMS_TaskSequence_ConditionOperator`) over tests (`SMS_TaskSequence_…ConditionExpression`),
 * nested to any depth (STEP-CATALOGUE.md §3). The model states a condition as one node: either
 * one test (`variable`, `wmiQuery`, `registry`, `file`, `folder`, `software`, `operatingSystem`),
 * or `match` (`all`, `any` or `none`: ConfigMgr's `and`, `or`, `not`) over a list of `conditions`,
 * each again a node.
 *
 * Terraform schemas cannot recurse, and the provider schema is derived from this one, so the
 * model nests conditions to a fixed depth, `CONDITION_LEVELS` (a test inside `match` inside
 * `match`… counts one level per node). ConfigMgr documents no limit of its own; a deeper
 * condition is refused with that limit in the message (`nestingLimit`). Every level has the same
 * fields, so a Terraform plan names a changed test by its place:
 * `steps[3].condition.conditions[1].variable.value`.
 *
 * Measured with Terraform 1.11 (20 steps, each with a condition 3 levels deep): the provider
 * schema is 122 KB with one level, 148 KB with 3, 186 KB with 6, 237 KB with 10, and plan and apply
 * times do not differ beyond noise (2.4–3.5 s); what costs is how deep the configured conditions
 * are (10 levels on every step: 8.8 s per plan against 4.2 s for none). So the limit is generous.
 */
import { Type, type Static, type TObject, type TSchema } from '@sinclair/typebox';
import { cm, oneOf, type ConfigMgrClass } from './annotations';
import { item, type MappedProperties } from './steps/define';

/** How deep conditions nest: a root node at level 1, its `conditions` at level 2, … */
export const CONDITION_LEVELS = 10;

/** Comparisons that file, folder and registry tests share (the SDK's six). */
export const COMPARISON_OPERATORS = ['equals', 'notEquals', 'less', 'lessEqual', 'greater', 'greaterEqual'] as const;
/**
 * Variable operators: the SDK's eight, and `like`, which the ConfigMgr console and its PowerShell
 * module offer (`New-CMTSStepConditionVariable -OperatorType` accepts `Like`) though the class
 * page does not list it; written `like`, in the spelling of the others.
 */
export const VARIABLE_OPERATORS = ['exists', 'notExists', ...COMPARISON_OPERATORS, 'like'] as const;
export type VariableOperator = (typeof VARIABLE_OPERATORS)[number];
/** Registry operators; ConfigMgr spells "does not exist" `nonExists` here (not `notExists` as for variables). */
export const REGISTRY_OPERATORS = ['exists', 'notExists', ...COMPARISON_OPERATORS] as const;
export const REGISTRY_TYPES = ['REG_SZ', 'REG_EXPAND_SZ', 'REG_MULTI_SZ', 'REG_DWORD', 'REG_QWORD', 'REG_BINARY', 'REG_NONE'] as const;

/** A condition test (a ConfigMgr condition expression): its class, and fields that say how it stores them. */
function conditionTest<P extends MappedProperties<P>>(configMgrClass: ConfigMgrClass, description: string, fields: P): TObject<P> {
  return Type.Object(fields, { additionalProperties: false, description, configMgrClass });
}

/** Each field of a condition test is a `<variable name="<Property>">` of its `<expression>`. */
const prop = <T extends TSchema>(schema: T, property: string, extra: { values?: Record<string, string>; dateTime?: true } = {}) =>
  cm(schema, { property, variable: property, ...extra });

const timestamp = (description: string) =>
  Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,6})?Z$', description: `${description} (ISO 8601, UTC: \`2010-06-01T08:00:00Z\`).` });

const wmiQuery = conditionTest(
  { type: 'SMS_TaskSequence_WMIConditionExpression' },
  'Holds when a WQL query returns at least one row.',
  {
    namespace: Type.Optional(prop(Type.String({ minLength: 1, maxLength: 255, default: 'root\\cimv2', description: 'WMI namespace.' }), 'Namespace')),
    query: prop(
      Type.String({
        minLength: 1,
        maxLength: 16384,
        description: "The WQL query (e.g. `SELECT * FROM Win32_ComputerSystem WHERE Model LIKE '%R710%'`).",
      }),
      'Query',
    ),
  },
);

/** The tests a condition can make, by the model's name for each. */
export const CONDITION_TESTS = {
  variable: conditionTest(
    { type: 'SMS_TaskSequence_VariableConditionExpression' },
    'Tests a task sequence variable.',
    {
      name: prop(Type.String({ minLength: 1, maxLength: 256, description: 'The variable (e.g. `_SMSTSInWinPE`).' }), 'Variable'),
      operator: prop(
        oneOf(VARIABLE_OPERATORS, { description: 'How it is tested: `exists`, `notExists`, a comparison with `value`, or `like` a pattern.' }),
        'Operator',
      ),
      value: Type.Optional(prop(Type.String({ maxLength: 4001, description: 'Value to compare with (not for `exists`, `notExists`).' }), 'Value')),
    },
  ),
  wmiQuery,
  registry: conditionTest(
    { type: 'SMS_TaskSequence_RegistryConditionExpression' },
    'Tests a registry value.',
    {
      key: prop(Type.String({ minLength: 1, maxLength: 1024, description: 'Registry key (e.g. `HKEY_LOCAL_MACHINE\\SOFTWARE\\Vendor`).' }), 'KeyPath'),
      valueName: Type.Optional(prop(Type.String({ maxLength: 250, description: 'Value name under the key; empty or unset: the default value.' }), 'Value')),
      operator: prop(oneOf(REGISTRY_OPERATORS, { description: 'How the value is tested: `exists`, `notExists`, or a comparison with `data`.' }), 'Operator', {
        values: { notExists: 'nonExists' },
      }),
      type: Type.Optional(prop(oneOf(REGISTRY_TYPES, { description: 'Type of the value, for `exists` and `notExists` (comparisons ignore it).' }), 'Type')),
      data: Type.Optional(prop(Type.String({ maxLength: 4096, description: 'Data to compare the value with.' }), 'Data')),
    },
  ),
  file: conditionTest(
    { type: 'SMS_TaskSequence_FileConditionExpression' },
    'Tests that a file exists, and optionally its version and its timestamp.',
    {
      path: prop(Type.String({ minLength: 1, maxLength: 1024, description: 'Path of the file; it may name variables (`%SystemRoot%\\notepad.exe`).' }), 'Path'),
      version: Type.Optional(prop(Type.String({ minLength: 1, maxLength: 64, description: 'File version to compare with (`6.1.7600.16385`).' }), 'Version')),
      versionOperator: Type.Optional(prop(oneOf(COMPARISON_OPERATORS, { description: 'How the version is compared.' }), 'VersionOperator')),
      dateTime: Type.Optional(prop(timestamp('Timestamp to compare with'), 'DateTime', { dateTime: true })),
      dateTimeOperator: Type.Optional(prop(oneOf(COMPARISON_OPERATORS, { description: 'How the timestamp is compared.' }), 'DateTimeOperator')),
    },
  ),
  folder: conditionTest(
    { type: 'SMS_TaskSequence_FolderConditionExpression' },
    'Tests that a folder exists, and optionally its timestamp.',
    {
      path: prop(Type.String({ minLength: 1, maxLength: 1024, description: 'Path of the folder; it may name variables.' }), 'Path'),
      dateTime: Type.Optional(prop(timestamp('Timestamp to compare with'), 'DateTime', { dateTime: true })),
      dateTimeOperator: Type.Optional(prop(oneOf(COMPARISON_OPERATORS, { description: 'How the timestamp is compared.' }), 'DateTimeOperator')),
    },
  ),
  software: conditionTest(
    { type: 'SMS_TaskSequence_SoftwareConditionExpression' },
    'Tests that a Windows Installer product is installed: any version of it (by upgrade code), or this one (by product code).',
    {
      productCode: prop(Type.String({ pattern: '^\\{[0-9A-Fa-f-]{36}\\}$', description: 'Windows Installer product code (`{…}`).' }), 'ProductCode'),
      upgradeCode: Type.Optional(prop(Type.String({ pattern: '^\\{[0-9A-Fa-f-]{36}\\}$', description: 'Upgrade code, which `anyVersion` matches.' }), 'UpgradeCode')),
      productName: Type.Optional(prop(Type.String({ maxLength: 255, description: 'Product name, as the MSI states it.' }), 'ProductName')),
      version: Type.Optional(prop(Type.String({ maxLength: 64, description: 'Product version, as the MSI states it.' }), 'Version')),
      anyVersion: Type.Optional(
        prop(Type.Boolean({ default: true, description: 'Match any version of the product (its upgrade code), not only this one (its product code).' }), 'Operator', {
          values: { true: 'AnyVersion', false: 'ThisVersion' },
        }),
      ),
    },
  ),
  operatingSystem: conditionTest(
    { type: 'SMS_TaskSequence_OSConditionGroup' },
    'Holds on any of the listed platforms (architecture and version range), as ConfigMgr supported platforms give them.',
    {
      platforms: cm(
        Type.Array(
          item(
            {
              name: Type.Optional(prop(Type.String({ maxLength: 255, description: 'Display name (`All x64 Windows 7`).' }), 'Name')),
              architecture: prop(oneOf(['x86', 'x64'], { description: 'Processor architecture.' }), 'PlatformArchKey', { values: { x86: 'I386', x64: 'x64' } }),
              osName: Type.Optional(prop(Type.String({ minLength: 1, maxLength: 64, default: 'Win NT', description: 'Operating system family.' }), 'PlatformTypeKey')),
              minVersion: prop(Type.String({ pattern: '^\\d+(\\.\\d+){1,3}$', description: 'Lowest version (`6.10.0000.0`).' }), 'PlatformMinVerKey'),
              maxVersion: prop(Type.String({ pattern: '^\\d+(\\.\\d+){1,3}$', description: 'Highest version (`6.10.9999.9999`).' }), 'PlatformMaxVerKey'),
              queries: cm(Type.Array(wmiQuery, { minItems: 1, maxItems: 10, description: 'The WMI tests that make up the platform; all must hold.' }), {
                property: 'Operands',
              }),
            },
            'A platform: every one of its queries holds.',
            { type: 'SMS_TaskSequence_OSExpressionGroup' },
          ),
          { minItems: 1, maxItems: 50, description: 'The platforms; any one of them matches.' },
        ),
        { property: 'Operands' },
      ),
    },
  ),
};
export type ConditionTestName = keyof typeof CONDITION_TESTS;
export const CONDITION_TEST_NAMES = Object.keys(CONDITION_TESTS) as ConditionTestName[];

/** ConfigMgr's operator for each `match`. */
export const MATCH_OPERATORS = { all: 'and', any: 'or', none: 'not' } as const;
export type ConditionMatch = keyof typeof MATCH_OPERATORS;

/** A condition: one test, or `match` over nested `conditions`. */
export type Condition = { [K in ConditionTestName]?: Static<(typeof CONDITION_TESTS)[K]> } & {
  match?: ConditionMatch;
  conditions?: Condition[];
};

const NODE_DESCRIPTION =
  'When the step or group runs: one test (`variable`, `wmi_query`, `registry`, `file`, `folder`, `software`, `operating_system`), or `match` over `conditions`. Without a condition it always runs.';

/**
 * The node at `level` (1 = the root): its tests, and above the last level `match` over the next
 * level's nodes, which ConfigMgr stores as an `<operator type="and|or|not">`
 * (`SMS_TaskSequence_ConditionOperator`: `OperatorType`, `Operands`).
 */
function conditionNode(level: number): TObject {
  const tests = Object.fromEntries(CONDITION_TEST_NAMES.map((name) => [name, Type.Optional(CONDITION_TESTS[name])]));
  const common = { additionalProperties: false, description: NODE_DESCRIPTION, ...(level > 1 ? { sameAs: 'condition' } : {}) };
  if (level === CONDITION_LEVELS) {
    return Type.Object(tests, {
      ...common,
      exactlyOneOf: CONDITION_TEST_NAMES,
      nestingLimit: { field: 'conditions', levels: CONDITION_LEVELS, what: 'conditions' },
    });
  }
  return Type.Object(
    {
      match: Type.Optional(
        cm(oneOf(Object.keys(MATCH_OPERATORS) as ConditionMatch[], { description: 'With `conditions`: whether all of them must hold, any one, or none.' }), {
          property: 'OperatorType',
          values: MATCH_OPERATORS,
        }),
      ),
      conditions: Type.Optional(
        cm(Type.Array(conditionNode(level + 1), { minItems: 1, maxItems: 50, description: `The conditions that \`match\` combines: at least one, nested at most ${CONDITION_LEVELS} levels deep in all.` }), {
          property: 'Operands',
        }),
      ),
      ...tests,
    },
    { ...common, exactlyOneOf: ['conditions', ...CONDITION_TEST_NAMES] },
  );
}

/** A step's or group's condition (the root node). */
export const ConditionSchema = conditionNode(1);

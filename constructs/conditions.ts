/**
 * Step conditions: when a task sequence step or group runs.
 *
 * A condition is one test (`Condition.variable`, `Condition.wmiQuery`, `Condition.registry`,
 * `Condition.file`, `Condition.folder`, `Condition.softwareInstalled`, `Condition.operatingSystem`,
 * and the shortcuts `Condition.computerModel`, `Condition.inWindowsPe`) or a combination:
 * `Condition.all`, `Condition.any` and `Condition.not` (none of) nest freely, to the depth the
 * model holds (`CONDITION_LEVELS`). `all` inside `all` and `any` inside `any` are merged, which
 * changes nothing of the meaning and keeps the tree shallow.
 */
import {
  CONDITION_LEVELS,
  type Condition as ConditionModel,
  type ConditionMatch,
  type ConditionTestName,
  type VariableOperator,
} from '../lib/model';

export type { VariableOperator };

/** The fields of a test of the model (`CONDITION_TESTS`). */
type TestFields<K extends ConditionTestName> = NonNullable<ConditionModel[K]>;

/** WQL string literal: single quotes, with quotes and backslashes escaped. */
function wqlString(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** A deep copy of a condition (plain JSON data), made in the caller's realm. */
const copy = (model: ConditionModel): ConditionModel => JSON.parse(JSON.stringify(model)) as ConditionModel;

/** A timestamp as the model writes it: ISO 8601 in UTC, whole seconds. */
function timestamp(at: Date | string): string {
  return typeof at === 'string' ? at : at.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** An immutable step condition. */
export class Condition {
  /** A condition in the model's shape, e.g. one read from another sequence. */
  static fromModel(model: ConditionModel): Condition {
    return new Condition(copy(model));
  }

  /**
   * The computer model, as Windows reports it (`Win32_ComputerSystem.Model`), e.g.
   * `'PowerEdge R710'` or `'ProLiant DL380 G6'`. By default the model only has to contain the text,
   * because vendors pad it (`'ProLiant DL380 G6 '`) or prefix it.
   */
  static computerModel(model: string, match: 'contains' | 'equals' = 'contains'): Condition {
    if (model.trim() === '') throw new Error('Condition.computerModel: the model is empty; expected e.g. "PowerEdge R710"');
    const test = match === 'equals' ? `Model = ${wqlString(model)}` : `Model LIKE ${wqlString(`%${model}%`)}`;
    return Condition.wmiQuery(`SELECT * FROM Win32_ComputerSystem WHERE ${test}`);
  }

  /** A WQL query that holds when it returns a row. */
  static wmiQuery(query: string, namespace?: string): Condition {
    return new Condition({ wmiQuery: { query, ...(namespace !== undefined ? { namespace } : {}) } });
  }

  /**
   * A test of a task sequence variable, e.g. `Condition.variable('OSDComputerName', 'exists')` or
   * `Condition.variable('_SMSTSMachineName', 'like', 'SRV%')`.
   */
  static variable(name: string, operator: VariableOperator, value?: string): Condition {
    const compares = operator !== 'exists' && operator !== 'notExists';
    if (compares && value === undefined) throw new Error(`Condition.variable: ${JSON.stringify(name)} ${operator} needs a value to compare with`);
    if (!compares && value !== undefined) throw new Error(`Condition.variable: ${JSON.stringify(name)} ${operator} takes no value (got ${JSON.stringify(value)})`);
    return new Condition({ variable: { name, operator, ...(value !== undefined ? { value } : {}) } });
  }

  /** Holds while the sequence runs in Windows PE (`_SMSTSInWinPE` is `true`); R6 reads it as "this step runs in Windows PE only". */
  static inWindowsPe(): Condition {
    return Condition.variable('_SMSTSInWinPE', 'equals', 'true');
  }

  /** Holds while the sequence runs in the full operating system (`_SMSTSInWinPE` is `false`). */
  static inFullOs(): Condition {
    return Condition.variable('_SMSTSInWinPE', 'equals', 'false');
  }

  /**
   * A registry test, e.g. `Condition.registry('HKEY_LOCAL_MACHINE\\SOFTWARE\\Vendor', 'exists')`,
   * or a comparison of a value's data: `Condition.registry(key, 'equals', 'Version', '2.0')`.
   */
  static registry(key: string, operator: TestFields<'registry'>['operator'], valueName?: string, data?: string, type?: TestFields<'registry'>['type']): Condition {
    return new Condition({
      registry: {
        key,
        operator,
        ...(valueName !== undefined ? { valueName } : {}),
        ...(data !== undefined ? { data } : {}),
        ...(type !== undefined ? { type } : {}),
      },
    });
  }

  /** A file exists, and optionally has a version or a timestamp: `Condition.file('C:\\x.exe', { version: ['greaterEqual', '2.0'] })`. */
  static file(path: string, options: { version?: [TestFields<'file'>['versionOperator'] & string, string]; dateTime?: [TestFields<'file'>['dateTimeOperator'] & string, Date | string] } = {}): Condition {
    const { version, dateTime } = options;
    return new Condition({
      file: {
        path,
        ...(version ? { versionOperator: version[0], version: version[1] } : {}),
        ...(dateTime ? { dateTimeOperator: dateTime[0], dateTime: timestamp(dateTime[1]) } : {}),
      },
    });
  }

  /** A folder exists, and optionally has a timestamp. */
  static folder(path: string, options: { dateTime?: [TestFields<'folder'>['dateTimeOperator'] & string, Date | string] } = {}): Condition {
    const { dateTime } = options;
    return new Condition({ folder: { path, ...(dateTime ? { dateTimeOperator: dateTime[0], dateTime: timestamp(dateTime[1]) } : {}) } });
  }

  /**
   * Windows Installer software is installed: any version of it when its `upgradeCode` is given,
   * else this version (its product code). `anyVersion` says so explicitly.
   */
  static softwareInstalled(
    productCode: string,
    options: { readonly upgradeCode?: string; readonly anyVersion?: boolean; readonly productName?: string; readonly version?: string } = {},
  ): Condition {
    const { upgradeCode, productName, version } = options;
    const anyVersion = options.anyVersion ?? upgradeCode !== undefined;
    return new Condition({
      software: {
        productCode,
        anyVersion,
        ...(upgradeCode !== undefined ? { upgradeCode } : {}),
        ...(productName !== undefined ? { productName } : {}),
        ...(version !== undefined ? { version } : {}),
      },
    });
  }

  /**
   * The operating system's architecture and, optionally, its version (`'6.1'` for Windows 7 and
   * Server 2008 R2): a platform of ConfigMgr's kind, with the WMI tests that decide it.
   */
  static operatingSystem(architecture: 'x86' | 'x64', version?: string): Condition {
    if (version !== undefined && !/^\d+\.\d+$/.test(version)) throw new Error(`Condition.operatingSystem: version ${JSON.stringify(version)} is not major.minor, e.g. "6.1"`);
    const [major, minor] = version ? version.split('.') : [];
    const queries = [{ query: `SELECT * FROM Win32_Processor WHERE AddressWidth = ${architecture === 'x64' ? 64 : 32}` }];
    if (version) queries.push({ query: `SELECT * FROM Win32_OperatingSystem WHERE Version LIKE ${wqlString(`${major}.${minor}.%`)}` });
    const padded = version ? `${major}.${minor.padEnd(2, '0')}` : undefined; // ConfigMgr's platforms write 6.1 as 6.10, 5.2 as 5.20
    return new Condition({
      operatingSystem: {
        platforms: [
          {
            name: `${architecture} Windows${version ? ` ${version}` : ''}`,
            architecture,
            minVersion: padded ? `${padded}.0000.0` : '0.00.0000.0',
            maxVersion: padded ? `${padded}.9999.9999` : '99.99.9999.9999',
            queries,
          },
        ],
      },
    });
  }

  /** Holds when every one of `conditions` holds. */
  static all(...conditions: Condition[]): Condition {
    return Condition.combine('all', conditions);
  }

  /** Holds when any one of `conditions` holds. */
  static any(...conditions: Condition[]): Condition {
    return Condition.combine('any', conditions);
  }

  /** Holds when none of `conditions` holds (`not` of one condition is its negation). */
  static not(...conditions: Condition[]): Condition {
    return Condition.combine('none', conditions);
  }

  private static combine(match: ConditionMatch, conditions: Condition[]): Condition {
    const name = match === 'none' ? 'not' : match;
    if (conditions.length === 0) throw new Error(`Condition.${name}: give at least one condition; an empty ${name}() would hold for everything or nothing`);
    // all(all(a, b), c) is all(a, b, c); any likewise. A lone member of all/any is itself.
    const members = conditions.flatMap((c) => (match !== 'none' && c.model.match === match && c.model.conditions ? c.model.conditions : [c.model]));
    if (match !== 'none' && members.length === 1) return new Condition(members[0]);
    const combined = new Condition({ match, conditions: members });
    if (combined.depth > CONDITION_LEVELS) {
      throw new Error(
        `Condition.${name}: this condition would nest ${combined.depth} levels deep; a task sequence condition holds at most ${CONDITION_LEVELS} (each all/any/not adds one). Combine some of the inner ones into fewer levels`,
      );
    }
    return combined;
  }

  private readonly model: ConditionModel;

  private constructor(model: ConditionModel) {
    this.model = model;
  }

  /** How the condition combines its members (`all`, `any`, `none`), or undefined for a single test. */
  get match(): ConditionMatch | undefined {
    return this.model.match;
  }

  /** How many levels the condition nests: 1 for a single test. */
  get depth(): number {
    const levels = (c: ConditionModel): number => 1 + Math.max(0, ...(c.conditions ?? []).map(levels));
    return levels(this.model);
  }

  /** How many tests the condition has, at any depth. */
  get testCount(): number {
    const count = (c: ConditionModel): number => (c.conditions ? c.conditions.reduce((n, m) => n + count(m), 0) : 1);
    return count(this.model);
  }

  /** The condition in the model's shape (a copy). */
  toModel(): ConditionModel {
    return copy(this.model);
  }
}

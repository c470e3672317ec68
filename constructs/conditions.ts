/**
 * Step conditions: when a task sequence step runs.
 *
 * ConfigMgr conditions are a tree of and/or/not over tests; the model keeps the part deployments
 * use, one level: all tests must hold, or any one. `Condition.all` and `Condition.any` combine
 * conditions as long as the result stays one level deep, and say so when it would not.
 */
import type { Condition as ConditionModel } from '../lib/model';

type TestLists = Required<Omit<ConditionModel, 'match'>>;
type TestListName = keyof TestLists;

/** Test lists in a fixed order, so rendering never depends on how a condition was put together. */
const TEST_LISTS: readonly TestListName[] = ['variables', 'wmiQueries', 'registry', 'software', 'operatingSystems'];

/** A variable comparison (`VARIABLE_OPERATORS` of the model). */
export type VariableOperator = NonNullable<ConditionModel['variables']>[number]['operator'];

/** WQL string literal: single quotes, with quotes and backslashes escaped. */
function wqlString(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** An immutable step condition. */
export class Condition {
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
    return new Condition({ wmiQueries: [{ query, ...(namespace !== undefined ? { namespace } : {}) }] });
  }

  /** A test of a task sequence variable, e.g. `Condition.variable('OSDComputerName', 'exists')`. */
  static variable(name: string, operator: VariableOperator, value?: string): Condition {
    if (operator !== 'exists' && value === undefined) {
      throw new Error(`Condition.variable: ${JSON.stringify(name)} ${operator} needs a value to compare with`);
    }
    return new Condition({ variables: [{ name, operator, ...(value !== undefined ? { value } : {}) }] });
  }

  /** Holds while the sequence runs in Windows PE (`_SMSTSInWinPE` is `true`). */
  static inWindowsPe(): Condition {
    return Condition.variable('_SMSTSInWinPE', 'equals', 'true');
  }

  /** A registry test, e.g. `Condition.registry('HKEY_LOCAL_MACHINE\\SOFTWARE\\Vendor', 'exists')`. */
  static registry(key: string, operator: NonNullable<ConditionModel['registry']>[number]['operator'], valueName?: string, value?: string): Condition {
    return new Condition({
      registry: [{ key, operator, ...(valueName !== undefined ? { valueName } : {}), ...(value !== undefined ? { value } : {}) }],
    });
  }

  /** Installed software, by Windows Installer product code (`{…}`). */
  static softwareInstalled(productCode: string, anyVersion?: boolean): Condition {
    return new Condition({ software: [{ productCode, ...(anyVersion !== undefined ? { anyVersion } : {}) }] });
  }

  /** The operating system's architecture and, optionally, version (e.g. `'6.1'`). */
  static operatingSystem(architecture: 'x86' | 'x64', version?: string): Condition {
    return new Condition({ operatingSystems: [{ architecture, ...(version !== undefined ? { version } : {}) }] });
  }

  /** Holds when every one of `conditions` holds. */
  static all(...conditions: Condition[]): Condition {
    return Condition.combine('all', conditions);
  }

  /** Holds when any one of `conditions` holds. */
  static any(...conditions: Condition[]): Condition {
    return Condition.combine('any', conditions);
  }

  private static combine(match: 'all' | 'any', conditions: Condition[]): Condition {
    if (conditions.length === 0) throw new Error(`Condition.${match}: give at least one condition`);
    const lists: Partial<Record<TestListName, unknown[]>> = {};
    for (const condition of conditions) {
      if (condition.testCount > 1 && condition.match !== match) {
        throw new Error(
          `Condition.${match}: a condition that matches ${condition.match === 'all' ? 'all' : 'any'} of several tests cannot be nested in "${match}"; task sequence conditions here are one level deep (all tests, or any one)`,
        );
      }
      for (const name of TEST_LISTS) {
        const tests = condition.tests[name];
        if (tests) lists[name] = [...(lists[name] ?? []), ...tests];
      }
    }
    return new Condition({ match, ...lists } as ConditionModel);
  }

  /** How the tests combine. */
  readonly match: 'all' | 'any';
  /** How many tests the condition has. */
  readonly testCount: number;
  private readonly tests: ConditionModel;

  private constructor(model: ConditionModel) {
    this.tests = model;
    this.match = model.match ?? 'all';
    this.testCount = TEST_LISTS.reduce((n, name) => n + (model[name]?.length ?? 0), 0);
  }

  /** The condition in the model's shape (`match` left out when it is the default, `all`). */
  toModel(): ConditionModel {
    const out: Record<string, unknown> = {};
    if (this.match === 'any' && this.testCount > 1) out.match = 'any';
    for (const name of TEST_LISTS) {
      const tests = this.tests[name];
      if (tests && tests.length > 0) out[name] = tests.map((t) => ({ ...t }));
    }
    return out as ConditionModel;
  }
}

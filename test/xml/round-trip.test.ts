/**
 * Every fixture reads and round-trips: the first export says what the file says (every group and
 * step with its attributes, action, variables and condition tree, in order; compared through a
 * reading that shares no code with lib/xml), reading the export gives the same document model,
 * and the second export is byte for byte the first.
 */
import { readTaskSequence, writeConsolePackage, writeSequence, type TaskSequenceFile } from '../../lib/xml';
import { fixture, fixtureText, fixturesIn, infoset } from './fixtures';

/** Fixtures in the writer's own order of children: their export must say exactly what they say. */
const CANONICAL = [
  ...fixturesIn('steps'),
  ...fixturesIn('conditions'),
  ...fixturesIn('later'),
  'structure/groups-six-deep.xml',
  'structure/global-variables.xml',
  'large/114-steps.xml',
];

function exportOf(file: TaskSequenceFile): string {
  return file.consolePackage ? writeConsolePackage(file.sequence, file.consolePackage) : writeSequence(file.sequence);
}

describe.each(CANONICAL)('%s', (name) => {
  test('the export says what the file says, and reads back to the same model', () => {
    const first = readTaskSequence(fixture(name));
    expect(first.format).toBe('sequence');
    const exported = exportOf(first);
    expect(infoset(exported)).toEqual(infoset(fixtureText(name)));
    expect(readTaskSequence(exported)).toEqual(first);
  });

  test('the second export is byte for byte the first', () => {
    const once = exportOf(readTaskSequence(fixture(name)));
    expect(exportOf(readTaskSequence(once))).toBe(once);
  });
});

describe('sequences inside other files', () => {
  test.each([
    ['containers/console-package-2007.xml', 'console-package'],
    ['containers/object.xml', 'cim-instance'],
    ['containers/escaped-sequence.txt', 'escaped-sequence'],
    ['structure/as-found.xml', 'sequence'],
  ])('%s round-trips and the second export is byte-stable', (name, format) => {
    const first = readTaskSequence(fixture(name));
    expect(first.format).toBe(format);
    const once = exportOf(first);
    const again = readTaskSequence(once);
    expect(again.sequence).toEqual(first.sequence);
    expect(again.consolePackage).toEqual(first.consolePackage);
    expect(exportOf(again)).toBe(once);
  });

  test('the 2007 wrapper export says what the wrapper file says', () => {
    const name = 'containers/console-package-2007.xml';
    const file = readTaskSequence(fixture(name));
    expect(infoset(exportOf(file))).toEqual(infoset(fixtureText(name)));
  });

  test('the sequence in object.xml is the one it escapes, decoded once', () => {
    const embedded = readTaskSequence(fixture('containers/object.xml')).sequence;
    expect(embedded).toEqual(readTaskSequence(fixture('containers/object-sequence.xml')).sequence);
    expect(infoset(writeSequence(embedded))).toEqual(infoset(fixtureText('containers/object-sequence.xml')));
  });

  test('an entity-escaped sequence is the sequence it escapes', () => {
    const escaped = readTaskSequence(fixture('containers/escaped-sequence.txt')).sequence;
    expect(escaped).toEqual(readTaskSequence(fixture('steps/run-command-line.xml')).sequence);
  });
});

/**
 * Bad input is refused with a TaskSequenceXmlError whose message names the element path and what
 * is wrong; nothing is returned.
 */
import { strToU8, zipSync } from 'fflate';
import { readTaskSequence, TaskSequenceXmlError, type TaskSequenceXmlErrorCode } from '../../lib/xml';
import { fixture, fixtureText } from './fixtures';

function failure(input: string | Uint8Array): TaskSequenceXmlError {
  try {
    readTaskSequence(input);
  } catch (error) {
    expect(error).toBeInstanceOf(TaskSequenceXmlError);
    return error as TaskSequenceXmlError;
  }
  throw new Error('the input was read without an error');
}

const BROKEN_FILES: [file: string, code: TaskSequenceXmlErrorCode, message: string][] = [
  ['truncated.xml', 'not-xml', "not XML: line 5, column 3: Expected closing tag 'step' (opened in line 3, col 5) instead of closing tag 'group'."],
  ['model-json.json', 'not-xml', 'not XML: line 1, column 1: the text does not start with an element (found "{ "name": "Deploy Wi…")'],
  [
    'unattend.xml',
    'other-xml',
    '/unattend: found <unattend>, which is not a task sequence; expected <sequence> (a task sequence), <SmsTaskSequencePackage> (a ConfigMgr 2007 console export) or <INSTANCE CLASSNAME="SMS_TaskSequencePackage"> (the object.xml of a current-branch export, or the export .zip holding it)',
  ],
  ['unknown-version.xml', 'invalid', '/sequence: attribute version="4.00" is not a known sequence schema version (known: 3.00, 3.10)'],
  ['no-version.xml', 'invalid', '/sequence: a sequence needs a version attribute: its schema version, 3.00 or 3.10'],
  ['step-without-type.xml', 'invalid', '/sequence/group[2]/step[5]: a step needs a type attribute: the WMI class of its action, e.g. SMS_TaskSequence_RunCommandLineAction'],
  ['step-with-empty-name.xml', 'invalid', '/sequence/step[2]: a step needs a name attribute; this one is empty'],
  ['group-without-name.xml', 'invalid', '/sequence/group[1]/group[2]: a group needs a name attribute'],
  ['variable-without-name.xml', 'invalid', '/sequence/step[1]/defaultVarList/variable[2]: a variable needs a name attribute'],
  ['unknown-operator.xml', 'invalid', '/sequence/group[1]/step[2]/condition/operator[1]/operator[1]: attribute type="xor" is not an operator type (known: and, or, not)'],
  ['bad-flag.xml', 'invalid', '/sequence/step[1]: attribute continueOnError="yes" is not true or false'],
  ['bad-timeout.xml', 'invalid', '/sequence/group[1]/step[1]: attribute timeout="60m" is not a whole number from 0 to 4294967295'],
  ['two-actions.xml', 'invalid', '/sequence/group[1]/step[1]/action: a second <action>; a step has at most one'],
  ['text-in-group.xml', 'invalid', '/sequence/group[1]: a group holds elements, not text (found "Restart the computer here")'],
  [
    'undefined-entity.xml',
    'not-xml',
    '/sequence/step[1]: not XML: attribute description uses the entity &nbsp;, which is not defined (only &lt; &gt; &amp; &quot; &apos; and character references are)',
  ],
  ['cim-other-class.xml', 'other-xml', '/INSTANCE: found an instance of SMS_BootImagePackage; expected an instance of SMS_TaskSequencePackage'],
  ['cim-without-sequence.xml', 'invalid', '/INSTANCE: the SMS_TaskSequencePackage instance has no <PROPERTY NAME="Sequence">, which holds the task sequence'],
  [
    'cim-broken-sequence.xml',
    'invalid',
    '/sequence/group[1]/step[1]: a step needs a type attribute: the WMI class of its action, e.g. SMS_TaskSequence_RunCommandLineAction (in the Sequence property at /INSTANCE/PROPERTY[2])',
  ],
  ['console-package-without-sequence.xml', 'invalid', '/SmsTaskSequencePackage: a console export holds its task sequence in <SequenceData>; this one has no <SequenceData>'],
  ['escaped-not-a-sequence.txt', 'other-xml', '/SmsTaskSequencePackage: found <SmsTaskSequencePackage> where a <sequence> was expected (in the entity-escaped sequence)'],
];

test.each(BROKEN_FILES)('broken/%s: %s', (file, code, message) => {
  const error = failure(fixture(`broken/${file}`));
  expect(error.message).toBe(message);
  expect(error.code).toBe(code);
});

test('not XML gives the line and column', () => {
  const error = failure(fixture('broken/truncated.xml'));
  expect([error.line, error.column]).toEqual([5, 3]);
});

describe('well-formedness beyond what the parser checks', () => {
  test.each([
    ['<sequence version="3.00"/>\ntrailing words', 'not XML: line 2, column 1: text after the root element (found "trailing words")'],
    ['<sequence version="3.00"/><sequence version="3.00"/>', 'not XML: 2 root elements (<sequence>, <sequence>); a document has one'],
    ['<sequence version="3.00"><step type="T" name="a &amp b"/></sequence>', '/sequence/step[1]: not XML: attribute name has an "&" that starts no reference ("&amp b"); write & as &amp;'],
    ['<sequence version="3.00"><step type="T" name="n"><action>&#1;</action></step></sequence>', '/sequence/step[1]/action: not XML: the text has the character reference &#1;, which is not a character XML allows'],
    ['<sequence version="3.00">\u0007</sequence>', 'not XML: line 1, column 26: character U+0007 is not allowed in XML'],
    ['', 'not XML: line 1, column 1: the text is empty'],
  ])('%j', (input, message) => {
    expect(failure(input).message).toBe(message);
  });
});

describe('the 2007 wrapper and embedded sequences', () => {
  test('an error in the sequence of a console export names its full path', () => {
    const text = fixtureText('containers/console-package-2007.xml').replace('name="Flash BIOS (PowerEdge R710)"', 'name=""');
    expect(failure(text).message).toBe('/SmsTaskSequencePackage/SequenceData/sequence[1]/group[2]/step[1]: a step needs a name attribute; this one is empty');
  });

  test('a second SequenceData is refused', () => {
    const text = fixtureText('containers/console-package-2007.xml').replace('<SourceDate>', '<SequenceData><sequence version="3.00"/></SequenceData><SourceDate>');
    expect(failure(text).message).toBe('/SmsTaskSequencePackage/SequenceData: a second <SequenceData>; a console export has at most one');
  });
});

describe('bytes that are not text, and archives', () => {
  const objectXml = fixture('containers/object.xml');

  test('bytes that are not UTF-8', () => {
    const error = failure(Buffer.from([0x3c, 0x61, 0x3e, 0xff, 0xfe, 0xfd, 0x3c, 0x2f, 0x61, 0x3e]));
    expect([error.code, error.message]).toEqual(['not-text', 'the file is not valid UTF-8 text']);
  });

  test('a zip without object.xml names what it holds', () => {
    const archive = zipSync({ 'Export/readme.txt': strToU8('x'), 'Export/sequence.xml': fixture('steps/restart-computer.xml') });
    const error = failure(archive);
    expect([error.code, error.message]).toEqual(['archive', 'the archive has no object.xml (it holds Export/readme.txt, Export/sequence.xml); a ConfigMgr export keeps each object in one']);
  });

  test('a zip whose object.xml files hold no task sequence names the classes found', () => {
    const archive = zipSync({ 'a/object.xml': fixture('broken/cim-other-class.xml') });
    expect(failure(archive).message).toBe('no object.xml in the archive holds an SMS_TaskSequencePackage (found a/object.xml: SMS_BootImagePackage)');
  });

  test('a zip with two task sequences is refused rather than guessed', () => {
    const archive = zipSync({ 'a/object.xml': objectXml, 'b/Object.XML': objectXml });
    expect(failure(archive).message).toBe('the archive holds 2 task sequences (a/object.xml, b/Object.XML); export them one to an archive');
  });

  test('a broken sequence inside a zip says where it is', () => {
    const archive = zipSync({ 'TS/object.xml': fixture('broken/cim-broken-sequence.xml') });
    expect(failure(archive).message).toBe(
      '/sequence/group[1]/step[1]: a step needs a type attribute: the WMI class of its action, e.g. SMS_TaskSequence_RunCommandLineAction (in the Sequence property at /INSTANCE/PROPERTY[2] in TS/object.xml of the archive)',
    );
  });

  test('a damaged zip', () => {
    const archive = zipSync({ 'TS/object.xml': objectXml });
    const error = failure(archive.subarray(0, 200));
    expect(error.code).toBe('archive');
    expect(error.message).toMatch(/^not a readable \.zip \(.+\)$/);
  });
});

/**
 * What writing gives: the exact text for a document built in code (the form a task sequence made
 * elsewhere is exported in), escaping, and the 2007 wrapper from plain values.
 */
import { consolePackage, readTaskSequence, writeConsolePackage, writeSequence, type Group, type Sequence } from '../../lib/xml';

const sequence: Sequence = {
  version: '3.00',
  otherAttributes: [],
  children: [
    {
      kind: 'group',
      name: 'Hardware & firmware',
      otherAttributes: [{ name: 'expand', value: 'true' }],
      condition: {
        otherAttributes: [],
        operands: [
          {
            kind: 'operator',
            type: 'not',
            otherAttributes: [],
            operands: [
              {
                kind: 'expression',
                type: 'SMS_TaskSequence_VariableConditionExpression',
                otherAttributes: [],
                otherElements: [],
                variables: [
                  { name: 'Variable', value: '_SMSTSInWinPE', otherAttributes: [] },
                  { name: 'Operator', value: 'equals', otherAttributes: [] },
                  { name: 'Value', value: 'false', otherAttributes: [] },
                ],
              },
            ],
          },
        ],
      },
      children: [
        {
          kind: 'step',
          // Written in the grammar's order whatever the order here.
          timeout: 900,
          name: 'Flash "BIOS"\tnow',
          type: 'SMS_TaskSequence_RunCommandLineAction',
          continueOnError: false,
          disable: false,
          description: 'line 1\nline 2 <b>',
          successCodeList: '0 2',
          otherAttributes: [{ name: 'note', value: 'kept' }],
          action: 'smsswd.exe /run:CM100007 flash.exe /s > x.log & exit',
          defaultVarList: {
            otherAttributes: [],
            otherElements: [],
            variables: [
              { name: 'CommandLine', property: 'CommandLine', hidden: true, value: 'flash.exe /s > x.log & exit', otherAttributes: [] },
              { name: 'WorkingDirectory', property: 'WorkingDirectory', value: '', otherAttributes: [] },
            ],
          },
          otherElements: [],
        },
      ],
    },
  ],
};

test('a document built in code is written in the fixed form', () => {
  expect(writeSequence(sequence)).toBe(
    [
      '<sequence version="3.00">',
      '  <group name="Hardware &amp; firmware" expand="true">',
      '    <condition>',
      '      <operator type="not">',
      '        <expression type="SMS_TaskSequence_VariableConditionExpression">',
      '          <variable name="Variable">_SMSTSInWinPE</variable>',
      '          <variable name="Operator">equals</variable>',
      '          <variable name="Value">false</variable>',
      '        </expression>',
      '      </operator>',
      '    </condition>',
      '    <step type="SMS_TaskSequence_RunCommandLineAction" name="Flash &quot;BIOS&quot;&#9;now" description="line 1&#10;line 2 &lt;b&gt;" disable="false" continueOnError="false" successCodeList="0 2" timeout="900" note="kept">',
      '      <action>smsswd.exe /run:CM100007 flash.exe /s &gt; x.log &amp; exit</action>',
      '      <defaultVarList>',
      '        <variable name="CommandLine" property="CommandLine" hidden="true">flash.exe /s &gt; x.log &amp; exit</variable>',
      '        <variable name="WorkingDirectory" property="WorkingDirectory" />',
      '      </defaultVarList>',
      '    </step>',
      '  </group>',
      '</sequence>',
      '',
    ].join('\n'),
  );
});

test('what is written reads back to the same document', () => {
  const read = readTaskSequence(writeSequence(sequence)).sequence;
  expect(writeSequence(read)).toBe(writeSequence(sequence));
  expect(read.children[0]).toMatchObject({ name: 'Hardware & firmware' });
  const [step] = (read.children[0] as Group).children;
  expect(step).toMatchObject({ name: 'Flash "BIOS"\tnow', description: 'line 1\nline 2 <b>', action: 'smsswd.exe /run:CM100007 flash.exe /s > x.log & exit' });
});

test('a carriage return survives as a reference in text and attributes', () => {
  const withCr: Sequence = { ...sequence, otherAttributes: [{ name: 'x', value: 'a\r\nb' }] };
  const text = writeSequence(withCr);
  expect(text.startsWith('<sequence version="3.00" x="a&#13;&#10;b">')).toBe(true);
  expect(readTaskSequence(text).sequence.otherAttributes).toEqual([{ name: 'x', value: 'a\r\nb' }]);
});

test('a 2007 wrapper from plain values puts the known properties in their order, SequenceData among them', () => {
  const pkg = consolePackage({ Name: 'Deploy Windows 7', ProgramFlags: '152084496', BootImageID: 'CM100001', Description: '' });
  const text = writeConsolePackage({ version: '3.00', otherAttributes: [], children: [] }, pkg);
  expect(text).toBe(
    [
      '<?xml version="1.0" encoding="utf-8"?>',
      '<SmsTaskSequencePackage>',
      '  <BootImageID>CM100001</BootImageID>',
      '  <Description />',
      '  <Name>Deploy Windows 7</Name>',
      '  <ProgramFlags>152084496</ProgramFlags>',
      '  <SequenceData>',
      '    <sequence version="3.00" />',
      '  </SequenceData>',
      '</SmsTaskSequencePackage>',
      '',
    ].join('\n'),
  );
  const read = readTaskSequence(text);
  expect(read.package).toEqual({ name: 'Deploy Windows 7', description: '', bootImageId: 'CM100001' });
  expect(read.consolePackage).toEqual(pkg);
});

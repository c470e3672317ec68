/**
 * Unit checks of the plugin SDK's protocol layer: value codecs (msgpack and JSON, exact numbers,
 * unknowns), conversions to wire messages (paths, diagnostics, schemas), and the log format.
 */
import assert from 'node:assert/strict';
import { createLogger, hclogTimestamp } from '../../lib/tfplugin/log';
import { exactNumber, parseExactJson } from '../../lib/tfplugin/protocol/exact-json';
import { errorDiagnostic, warningDiagnostic } from '../../lib/tfplugin/protocol/types';
import {
  decodeDynamicValue,
  decodeJson,
  decodeMsgpack,
  encodeMsgpack,
  isWhollyKnown,
  Unknown,
  type TfValue,
} from '../../lib/tfplugin/protocol/values';
import { protocol } from '../../lib/tfplugin/protocol/wire';
import { wireDiagnostic, wirePath, wireSchema } from '../../lib/tfplugin/transport/convert';
import { generateProtocol } from '../../scripts/generate-provider-protocol';

// The generated protobuf code is not in git; make sure it exists (a no-op when up to date).
beforeAll(() => generateProtocol());

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');
const fromHex = (text: string): Uint8Array => Uint8Array.from(Buffer.from(text.replace(/\s+/g, ''), 'hex'));

test('plain and refined unknowns decode to Unknown; Unknown encodes as extension 0', () => {
  assert.equal(decodeMsgpack(fromHex('d40000')), Unknown);
  // Extension 12 with refinements {1: false} ("not null").
  assert.equal(decodeMsgpack(fromHex('c7030c81 01c2')), Unknown);
  // Any other extension code is an unknown too.
  assert.equal(decodeMsgpack(fromHex('d40500')), Unknown);
  assert.equal(hex(encodeMsgpack(Unknown)), 'd40000');
  assert.deepEqual(decodeMsgpack(encodeMsgpack({ a: Unknown, b: [Unknown] })), { a: Unknown, b: [Unknown] });
  assert.equal(isWhollyKnown({ a: [1, { b: Unknown }] }), false);
  assert.equal(isWhollyKnown({ a: [1, { b: null }] }), true);
});

test('numbers round-trip in the msgpack form Terraform sent', () => {
  const samples: [string, TfValue][] = [
    ['01', 1],
    ['cd0400', 1024],
    ['cb3ff8000000000000', 1.5],
    ['a3302e31', '0.1'], // Terraform sends 0.1 as a string
    ['cf0020000000000001', 2n ** 53n + 1n], // and 2^53+1 as uint64
    ['d3fff0000000000000', -(2n ** 52n)],
  ];
  for (const [wire, value] of samples) {
    const decoded = decodeMsgpack(fromHex(wire));
    assert.deepEqual(decoded, value, wire);
    assert.equal(hex(encodeMsgpack(decoded)), wire, `re-encoding ${wire}`);
  }
});

test('objects, lists, null, and undefined attributes', () => {
  const value = { s: 'x', n: null, l: [true, false], m: { k: 'v' } };
  assert.deepEqual(decodeMsgpack(encodeMsgpack(value)), value);
  assert.deepEqual(decodeMsgpack(encodeMsgpack({ a: undefined as unknown as TfValue })), { a: null });
  assert.equal(decodeDynamicValue(null), null);
  assert.equal(decodeDynamicValue({ msgpack: new Uint8Array(0), json: new Uint8Array(0) }), null);
  assert.deepEqual(decodeDynamicValue({ json: Buffer.from('{"a":0.1}') }), { a: '0.1' });
});

test('JSON numbers stay exact', () => {
  const cases: [string, number | bigint | string][] = [
    ['0', 0],
    ['-0', 0],
    ['100', 100],
    ['1e2', 100],
    ['1.50', 1.5],
    ['0.5', 0.5],
    ['-2.25', -2.25],
    ['0.1', '0.1'],
    ['1e30', '1e30'],
    ['9007199254740991', 9007199254740991],
    ['9007199254740993', 9007199254740993n],
    ['18446744073709551615', 18446744073709551615n],
    ['18446744073709551616', 2 ** 64], // beyond 64-bit integers but an exact float64
    ['18446744073709551617', '18446744073709551617'],
    ['123456789012345678901234567890', '123456789012345678901234567890'],
    ['5e-324', '5e-324'],
    ['1e400', '1e400'],
  ];
  for (const [text, expected] of cases) assert.deepEqual(exactNumber(text), expected, text);
});

test('JSON parsing: structure, escapes, __proto__ as data, errors', () => {
  const parsed = parseExactJson('{"a": [1, "x\\u00e9\\n", true, null, {"__proto__": 2}], "b": {}}');
  assert.deepEqual(parsed, { a: [1, 'xé\n', true, null, JSON.parse('{"__proto__": 2}')], b: {} });
  const inner = (parsed as { a: TfValue[] }).a[4] as Record<string, unknown>;
  assert.equal(Object.getPrototypeOf(inner), Object.prototype);
  assert.equal(Object.keys(inner).join(), '__proto__');
  for (const bad of ['', '{', '[1,]', '{"a" 1}', '01', 'tru', '"open', '1 2']) {
    assert.throws(() => parseExactJson(bad), SyntaxError, bad);
  }
  assert.deepEqual(decodeJson(Buffer.from('{"id":"x","size":0.1}')), { id: 'x', size: '0.1' });
});

test('attribute paths and diagnostics', () => {
  assert.deepEqual(wirePath(['steps', 3, 'env', { key: 'PATH' }]), {
    steps: [{ attribute_name: 'steps' }, { element_key_int: 3 }, { attribute_name: 'env' }, { element_key_string: 'PATH' }],
  });
  assert.throws(() => wirePath(['a', -1]));
  assert.deepEqual(wireDiagnostic(errorDiagnostic('Bad', 'why', ['name'])), {
    severity: 1,
    summary: 'Bad',
    detail: 'why',
    attribute: { steps: [{ attribute_name: 'name' }] },
  });
  assert.deepEqual(wireDiagnostic(warningDiagnostic('Careful')), { severity: 2, summary: 'Careful' });

  // And the generated code writes element_key_int 0 (a oneof member is sent even when zero).
  const pb = protocol().tfplugin6;
  const bytes = pb.ValidateResourceConfig.Response.encode({ diagnostics: [wireDiagnostic(errorDiagnostic('x', '', ['a', 0]))] }).finish();
  const step = pb.ValidateResourceConfig.Response.decode(bytes).diagnostics?.[0]?.attribute?.steps[1];
  assert.ok(step && 'element_key_int' in step && Number(step.element_key_int) === 0);
});

test('schemas: cty types as JSON bytes, nested attributes, write-only, enum names', () => {
  const wire = wireSchema({
    version: 2,
    block: {
      attributes: [
        { name: 'tags', type: ['map', 'string'], optional: true },
        {
          name: 'steps',
          required: true,
          nested_type: { nesting: 'LIST', attributes: [{ name: 'secret', type: 'string', optional: true, write_only: true }] },
        },
      ],
      block_types: [{ type_name: 'timeouts', nesting: 'SINGLE', block: { attributes: [] } }],
      description_kind: 'MARKDOWN',
    },
  });
  assert.equal(Buffer.from(wire.block.attributes![0]!.type!).toString(), '["map","string"]');
  assert.equal(wire.block.attributes![1]!.nested_type!.nesting, 2);
  assert.equal(wire.block.attributes![1]!.nested_type!.attributes[0]!.write_only, true);
  assert.equal(wire.block.block_types![0]!.nesting, 1);
  assert.equal(wire.block.description_kind, 1);
  assert.throws(() => wireSchema({ block: { attributes: [{ name: 'x' }] } }), /exactly one of type and nested_type/);
  assert.throws(
    () => wireSchema({ block: { attributes: [{ name: 'x', nested_type: { nesting: 'LSIT' as 'LIST', attributes: [] } }] } }),
    /invalid nested attribute nesting "LSIT"/,
  );
});

test('log lines are hclog JSON with a six-digit fraction, filtered by TF_LOG', () => {
  assert.equal(hclogTimestamp(Date.UTC(2025, 0, 31, 12, 34, 56, 789) * 1000 + 12), '2025-01-31T12:34:56.789012Z');
  const lines: string[] = [];
  const debug = createLogger('provider.example', (line) => lines.push(line), { TF_LOG: 'DEBUG' });
  debug.trace('hidden');
  debug.debug('shown', { n: 1n, bytes: new Uint8Array(3), error: new Error('boom') });
  assert.equal(lines.length, 1);
  const entry = JSON.parse(lines[0]!) as Record<string, string>;
  assert.equal(entry['@level'], 'debug');
  assert.equal(entry['@message'], 'shown');
  assert.equal(entry['@module'], 'provider.example');
  assert.match(entry['@timestamp']!, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
  assert.equal(entry.n, '1');
  assert.equal(entry.bytes, '<3 bytes>');
  assert.match(entry.error!, /^Error: boom/);
  assert.ok(lines[0]!.endsWith('\n'));

  const quiet: string[] = [];
  const unset = createLogger('provider.example', (line) => quiet.push(line), {});
  unset.info('hidden');
  unset.warn('kept');
  assert.equal(quiet.length, 1);
  const off: string[] = [];
  createLogger('provider.example', (line) => off.push(line), { TF_LOG: 'off' }).error('hidden');
  assert.equal(off.length, 0);
});

/**
 * The hand-built TLS certificate must be valid every time: a subtle DER mistake (non-minimal
 * integer or length, wrong padding) or a PEM slip fails only for some random serials or key
 * sizes, which shows up as a rare "Failed to read any lines from plugin's stdout". So generate
 * thousands and check each with node's X.509 parser and a strict DER walk of our own (Go's parser,
 * which Terraform uses, rejects non-minimal encodings that OpenSSL tolerates).
 */
import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { generateCertificate } from '../../lib/tfplugin/transport/certificate';

const COUNT = 5000;

/** Walks DER and fails on anything not strictly minimal; OCTET STRINGs (extension values) hold DER too. */
function checkDer(der: Buffer, start = 0, end = der.length): void {
  let pos = start;
  while (pos < end) {
    const tag = der[pos++]!;
    assert.ok(pos < end, 'truncated tag');
    let length = der[pos++]!;
    if (length & 0x80) {
      const count = length & 0x7f;
      assert.ok(count >= 1 && count <= 4, `bad length-of-length ${count}`);
      assert.notEqual(der[pos], 0, 'length with a leading zero byte');
      length = 0;
      for (let i = 0; i < count; i++) length = length * 256 + der[pos++]!;
      assert.ok(length >= 0x80, `long-form length ${length} that fits the short form`);
    }
    const contentEnd = pos + length;
    assert.ok(contentEnd <= end, 'content runs past its parent');
    if (tag === 0x02) {
      assert.ok(length >= 1, 'empty INTEGER');
      if (length > 1) {
        const first = der[pos]!;
        const second = der[pos + 1]!;
        assert.ok(!(first === 0x00 && second < 0x80), 'INTEGER with a redundant leading 0x00');
        assert.ok(!(first === 0xff && second >= 0x80), 'INTEGER with a redundant leading 0xff');
      }
    }
    if (tag === 0x03) assert.ok(der[pos]! <= 7, 'BIT STRING with more than 7 unused bits');
    if (tag === 0x01) assert.ok(length === 1 && (der[pos] === 0xff || der[pos] === 0x00), 'non-DER BOOLEAN');
    if (tag & 0x20 || tag === 0x04) checkDer(der, pos, contentEnd);
    pos = contentEnd;
  }
  assert.equal(pos, end);
}

test(`${COUNT} generated certificates are all valid and strictly encoded`, () => {
  const now = Date.now();
  const serials = new Set<string>();
  for (let i = 0; i < COUNT; i++) {
    const generated = generateCertificate();
    const cert = new X509Certificate(generated.certPem);

    assert.ok(cert.verify(cert.publicKey), 'self-signature verifies');
    assert.equal(cert.ca, true);
    assert.match(cert.subjectAltName ?? '', /(^|, )DNS:localhost(,|$)/);
    assert.equal(cert.checkHost('localhost'), 'localhost');
    expect(cert.keyUsage).toEqual(['1.3.6.1.5.5.7.3.1', '1.3.6.1.5.5.7.3.2']); // an array from node:crypto, outside jest's sandbox
    assert.ok(Date.parse(cert.validFrom) <= now && Date.parse(cert.validTo) > now + 60_000, 'valid now');

    // The DER survives the PEM round trip, and the PEM is well formed.
    assert.deepEqual(cert.raw, generated.certDer);
    const lines = generated.certPem.split('\n');
    assert.equal(lines[0], '-----BEGIN CERTIFICATE-----');
    assert.equal(lines.at(-2), '-----END CERTIFICATE-----');
    assert.equal(lines.at(-1), '', 'ends with a newline');
    const body = lines.slice(1, -2);
    assert.ok(body.every((line) => line.length > 0 && line.length <= 64), 'base64 lines of 1..64 characters');
    assert.ok(body.slice(0, -1).every((line) => line.length === 64), 'only the last base64 line is short');
    assert.deepEqual(Buffer.from(body.join(''), 'base64'), generated.certDer);

    // Serial: positive, 16 bytes, no leading zero; unique.
    assert.match(cert.serialNumber, /^[4-7][0-9A-F]{31}$/);
    assert.ok(!serials.has(cert.serialNumber), 'serial repeated');
    serials.add(cert.serialNumber);

    checkDer(generated.certDer);
    assert.match(generated.keyPem, /^-----BEGIN PRIVATE KEY-----\n[A-Za-z0-9+/=\n]+-----END PRIVATE KEY-----\n$/);
  }
});

/**
 * The provider's TLS server certificate: a fresh self-signed X.509 v3 certificate per process,
 * built as DER by hand with node:crypto only.
 *
 * Why by hand: a certificate library costs 150-300 ms per start (loading plus RSA key
 * generation), and Terraform starts the provider three to five times per command; an ECDSA P-256
 * key and this encoder take a few milliseconds.
 *
 * What Terraform's plugin client (Go crypto/x509 and crypto/tls) checks: it trusts exactly this
 * certificate (from the handshake line), dials server name "localhost", and wants serverAuth.
 * Go's DER parser is strict, so every element below is in minimal DER form: a non-minimal or
 * negative INTEGER, a wrong BIT STRING padding or a malformed PEM makes a start fail at random
 * (the serial is random), which is why the test generates thousands of certificates.
 */
import { generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';

export interface ProviderCertificate {
  /** PEM "CERTIFICATE", for the TLS server's cert chain. */
  certPem: string;
  /** PEM PKCS#8 private key. */
  keyPem: string;
  /** The DER bytes; base64 of these (without padding) goes into the handshake line. */
  certDer: Buffer;
}

// --- minimal DER encoder -----------------------------------------------------------------------

function length(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n]);
  const bytes: number[] = [];
  for (let rest = n; rest > 0; rest = Math.floor(rest / 256)) bytes.unshift(rest & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

function tlv(tag: number, ...contents: Buffer[]): Buffer {
  const body = Buffer.concat(contents);
  return Buffer.concat([Buffer.from([tag]), length(body.length), body]);
}

const sequence = (...items: Buffer[]): Buffer => tlv(0x30, ...items);
const set = (...items: Buffer[]): Buffer => tlv(0x31, ...items);
const octetString = (bytes: Buffer): Buffer => tlv(0x04, bytes);
const utf8String = (text: string): Buffer => tlv(0x0c, Buffer.from(text, 'utf8'));
const explicit = (tagNumber: number, inner: Buffer): Buffer => tlv(0xa0 | tagNumber, inner);
const TRUE = Buffer.from([0x01, 0x01, 0xff]);

/** An unsigned big-endian integer as a minimal, non-negative DER INTEGER. */
function unsignedInteger(bytes: Buffer): Buffer {
  let start = 0;
  while (start < bytes.length - 1 && bytes[start] === 0) start++;
  const trimmed = bytes.subarray(start);
  // A leading 1 bit would read as negative: prefix a zero byte.
  return tlv(0x02, (trimmed[0] ?? 0) & 0x80 ? Buffer.concat([Buffer.from([0]), trimmed]) : trimmed);
}

function oid(dotted: string): Buffer {
  const [first = 0, second = 0, ...rest] = dotted.split('.').map(Number);
  const out: number[] = [40 * first + second];
  for (const arc of rest) {
    const groups: number[] = [arc & 0x7f];
    for (let value = Math.floor(arc / 128); value > 0; value = Math.floor(value / 128)) groups.unshift(0x80 | (value & 0x7f));
    out.push(...groups);
  }
  return tlv(0x06, Buffer.from(out));
}

/** UTCTime through 2049, GeneralizedTime after (RFC 5280 4.1.2.5), whole seconds, in UTC. */
function time(date: Date): Buffer {
  const iso = date.toISOString(); // 2025-01-31T12:34:56.789Z
  const digits = iso.slice(0, 19).replace(/[-T:]/g, '') + 'Z'; // 20250131123456Z
  const year = date.getUTCFullYear();
  return year < 2050 ? tlv(0x17, Buffer.from(digits.slice(2), 'ascii')) : tlv(0x18, Buffer.from(digits, 'ascii'));
}

/** BIT STRING from a byte string whose last `unusedBits` bits are zero padding. */
function bitString(bytes: Buffer, unusedBits = 0): Buffer {
  return tlv(0x03, Buffer.from([unusedBits]), bytes);
}

function extension(id: string, critical: boolean, value: Buffer): Buffer {
  return critical ? sequence(oid(id), TRUE, octetString(value)) : sequence(oid(id), octetString(value));
}

// --- the certificate ---------------------------------------------------------------------------

const OID = {
  commonName: '2.5.4.3',
  organization: '2.5.4.10',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
  basicConstraints: '2.5.29.19',
  keyUsage: '2.5.29.15',
  extKeyUsage: '2.5.29.37',
  subjectAltName: '2.5.29.17',
  serverAuth: '1.3.6.1.5.5.7.3.1',
  clientAuth: '1.3.6.1.5.5.7.3.2',
};

/** keyUsage bits: digitalSignature (0), keyEncipherment (2), keyCertSign (5): 1010 0100, 2 pad bits. */
const KEY_USAGE = bitString(Buffer.from([0xa4]), 2);

const VALIDITY_MS = 24 * 60 * 60 * 1000;
/** Backdated a little so a clock that steps between creation and Terraform's check is harmless. */
const BACKDATE_MS = 5 * 60 * 1000;

function toPem(label: string, der: Buffer): string {
  // Exactly 64 characters per line and no blank line, also when the length divides by 64.
  const lines = der.toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

function serialNumber(): Buffer {
  // 16 random bytes (RFC 5280: at most 20 octets, positive); top bits 01 make it positive and
  // keep its encoding exactly 16 bytes without a leading zero.
  const serial = randomBytes(16);
  serial[0] = ((serial[0] ?? 0) & 0x3f) | 0x40;
  return serial;
}

export function buildCertificate(privateKey: KeyObject, publicKey: KeyObject, now = new Date()): Buffer {
  const name = sequence(
    set(sequence(oid(OID.organization), utf8String('Terraform provider plugin'))),
    set(sequence(oid(OID.commonName), utf8String('localhost'))),
  );
  const signatureAlgorithm = sequence(oid(OID.ecdsaWithSha256));
  const extensions = sequence(
    extension(OID.basicConstraints, true, sequence(TRUE)),
    extension(OID.keyUsage, true, KEY_USAGE),
    extension(OID.extKeyUsage, false, sequence(oid(OID.serverAuth), oid(OID.clientAuth))),
    extension(
      OID.subjectAltName,
      false,
      // [2] dNSName "localhost", [7] iPAddress 127.0.0.1 (context-specific, primitive).
      sequence(tlv(0x82, Buffer.from('localhost', 'ascii')), tlv(0x87, Buffer.from([127, 0, 0, 1]))),
    ),
  );
  const tbs = sequence(
    explicit(0, tlv(0x02, Buffer.from([2]))), // version v3
    unsignedInteger(serialNumber()),
    signatureAlgorithm,
    name,
    sequence(time(new Date(now.getTime() - BACKDATE_MS)), time(new Date(now.getTime() + VALIDITY_MS))),
    name,
    publicKey.export({ type: 'spki', format: 'der' }),
    explicit(3, extensions),
  );
  // For EC keys node:crypto returns the DER ECDSA-Sig-Value, which is what X.509 carries.
  const signature = sign('sha256', tbs, privateKey);
  return sequence(tbs, signatureAlgorithm, bitString(signature));
}

export function generateCertificate(): ProviderCertificate {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const certDer = buildCertificate(privateKey, publicKey);
  return {
    certDer,
    certPem: toPem('CERTIFICATE', certDer),
    keyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }) as string,
  };
}


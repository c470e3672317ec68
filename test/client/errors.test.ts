/** Mapping of HTTP answers to typed errors, and what their messages say. */
import assert from 'node:assert/strict';
import { inspect } from 'node:util';
import {
  errorClassFor,
  errorFromResponse,
  withAttempts,
  OsdApiError,
  OsdBadRequestError,
  OsdConflictError,
  OsdForbiddenError,
  OsdNotFoundError,
  OsdPayloadTooLargeError,
  OsdPreconditionFailedError,
  OsdRateLimitError,
  OsdServerError,
  OsdUnauthorizedError,
  OsdValidationError,
} from '../../lib/client/errors';

const ctx = { method: 'POST', path: '/api/v1/task-sequences', attempts: 1 };
const envelope = (code: string, message: string, details: unknown[] = []) => ({ error: { code, message, details } });

describe('errorFromResponse', () => {
  it('picks the class by status', () => {
    const table: [number, typeof OsdApiError][] = [
      [400, OsdBadRequestError],
      [401, OsdUnauthorizedError],
      [403, OsdForbiddenError],
      [404, OsdNotFoundError],
      [409, OsdConflictError],
      [412, OsdPreconditionFailedError],
      [413, OsdPayloadTooLargeError],
      [422, OsdValidationError],
      [429, OsdRateLimitError],
      [500, OsdServerError],
      [503, OsdServerError],
      [599, OsdServerError],
      [415, OsdApiError],
      [418, OsdApiError],
    ];
    for (const [status, cls] of table) {
      const e = errorFromResponse(status, envelope('c', 'm'), ctx);
      assert.equal(e.constructor, cls, String(status));
      assert.ok(e instanceof OsdApiError && e instanceof Error);
      assert.equal(e.status, status);
      assert.equal(e.name, cls.name);
      assert.equal(errorClassFor(status), cls);
    }
  });

  it('keeps code, server message, details and request id', () => {
    const e = errorFromResponse(409, { error: { code: 'referenced', message: 'in use', requestId: 'r-1', details: [{ path: '', rule: 'R2', message: 'used', referencedBy: { kind: 'taskSequence', id: 'CM100002', name: 'Win7' } }] } }, ctx);
    assert.equal(e.code, 'referenced');
    assert.equal(e.serverMessage, 'in use');
    assert.equal(e.requestId, 'r-1');
    assert.deepEqual(e.details, [{ path: '', rule: 'R2', message: 'used', referencedBy: { kind: 'taskSequence', id: 'CM100002', name: 'Win7' } }]);
  });

  it("lists every detail's path, rule and message in a 422's message", () => {
    const e = errorFromResponse(
      422,
      envelope('validation', 'Task sequence is not valid', [
        { path: '/steps/0/name', rule: 'maxLength', message: '/steps/0/name is 120 characters long' },
        { path: '/steps/3/installSoftware', rule: 'R1', message: 'R1: program depends on another' },
      ]),
      ctx,
    );
    assert.ok(e instanceof OsdValidationError);
    assert.match(e.message, /^POST \/api\/v1\/task-sequences failed \(422 validation\): Task sequence is not valid/);
    assert.match(e.message, /\/steps\/0\/name \[maxLength\]: \/steps\/0\/name is 120 characters long/);
    assert.match(e.message, /\/steps\/3\/installSoftware \[R1\]: R1: program depends on another/);
  });

  it('tolerates bodies that are not the envelope (a proxy page, nothing)', () => {
    for (const body of [undefined, '<html>Bad gateway</html>', { error: 'x' }, { error: { details: 'no' } }, [1, 2]]) {
      const e = errorFromResponse(502, body, ctx);
      assert.ok(e instanceof OsdServerError);
      assert.equal(e.code, 'http502');
      assert.deepEqual(e.details, []);
    }
  });

  it('withAttempts keeps the class and everything else', () => {
    const e = errorFromResponse(503, envelope('unavailable', 'busy'), { ...ctx, retryAfterMs: 1000 });
    const again = withAttempts(e, 6);
    assert.ok(again instanceof OsdServerError);
    assert.equal(again.attempts, 6);
    assert.equal(again.retryAfterMs, 1000);
    assert.match(again.message, /after 6 attempts/);
  });

  it('carries nothing but its own fields (no request config, no token)', () => {
    const e = errorFromResponse(401, envelope('unauthorized', 'bad token'), ctx);
    assert.deepEqual(Object.keys(e).sort(), ['attempts', 'code', 'details', 'method', 'name', 'path', 'requestId', 'retryAfterMs', 'serverMessage', 'status'].sort());
    assert.doesNotMatch(inspect(e), /Bearer|config|headers/i);
  });
});

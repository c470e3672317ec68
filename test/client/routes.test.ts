/** URL paths come from `KINDS`: every kind's collection, and programs under their package. */
import assert from 'node:assert/strict';
import { KINDS, KIND_NAMES } from '../../lib/model';
import { collectionPath, createPath, listPath, objectPath } from '../../lib/client/routes';

describe('routes', () => {
  it('gives every top-level kind its collection from KINDS', () => {
    for (const kind of KIND_NAMES.filter((k) => !KINDS[k].parentField)) {
      assert.equal(collectionPath(kind), `/api/v1/${KINDS[kind].collection}`);
      assert.equal(objectPath(kind, 'CM100012'), `/api/v1/${KINDS[kind].collection}/CM100012`);
      assert.equal(createPath(kind, { name: 'x' }), `/api/v1/${KINDS[kind].collection}`);
    }
    assert.equal(collectionPath('taskSequence'), '/api/v1/task-sequences');
  });

  it('puts programs under their package', () => {
    assert.equal(collectionPath('program', 'CM100012'), '/api/v1/packages/CM100012/programs');
    assert.equal(createPath('program', { packageId: 'CM100012', name: 'Install' }), '/api/v1/packages/CM100012/programs');
    assert.equal(objectPath('program', 'CM100012/Install'), '/api/v1/packages/CM100012/programs/Install');
  });

  it('encodes names, splitting a program ID at the first slash only', () => {
    assert.equal(objectPath('program', 'CM100012/Install x64/quiet'), '/api/v1/packages/CM100012/programs/Install%20x64%2Fquiet');
    assert.equal(objectPath('package', 'a/b?c'), '/api/v1/packages/a%2Fb%3Fc');
  });

  it('builds list queries, taking the parent from the filter', () => {
    assert.equal(listPath('package'), '/api/v1/packages');
    assert.equal(listPath('package', { name: 'Office 2007', version: '12.0' }), '/api/v1/packages?name=Office+2007&version=12.0');
    assert.equal(listPath('program', { packageId: 'CM100012', name: 'Install' }), '/api/v1/packages/CM100012/programs?name=Install');
  });

  it('refuses IDs it cannot route, before any request', () => {
    assert.throws(() => objectPath('program', 'CM100012'), /a program ID is <packageId>\/<program name>, e.g. CM100012\/Install, got "CM100012"/);
    assert.throws(() => objectPath('program', 'CM100012/'), TypeError);
    assert.throws(() => objectPath('package', ''), TypeError);
    assert.throws(() => createPath('program', { name: 'Install' }), /packageId/);
    assert.throws(() => collectionPath('nope' as never), /unknown kind "nope"/);
  });
});

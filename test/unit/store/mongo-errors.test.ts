import assert from 'node:assert/strict';
import { EpcisError } from '../../../src/errors/epcis-errors';
import { duplicateKeyIndices, mapReadError, read } from '../../../src/store/mongo/mongo-errors';
import { databaseInUri } from '../../../src/store/mongo/mongo-event-store';

describe('MongoDB error interpretation', () => {
  it('finds the duplicate-key indices of an unordered bulk insert, and nothing else', () => {
    assert.deepEqual(
      duplicateKeyIndices({
        writeErrors: [
          { index: 1, code: 11000 },
          { index: 3, code: 11000 },
        ],
      }),
      [1, 3],
    );
    assert.deepEqual(duplicateKeyIndices({ writeErrors: { index: 0, code: 11000 } }), [0]);
    assert.equal(
      duplicateKeyIndices({
        writeErrors: [
          { index: 1, code: 11000 },
          { index: 2, code: 2 },
        ],
      }),
      null,
    );
    assert.equal(duplicateKeyIndices(new Error('network')), null);
  });

  it('turns MaxTimeMSExpired (code 50) into QueryTooComplexException and rethrows anything else', async () => {
    assert.throws(
      () => mapReadError(Object.assign(new Error('operation exceeded time limit'), { code: 50 })),
      (error: unknown) => error instanceof EpcisError && error.exception === 'QueryTooComplexException',
    );
    const other = Object.assign(new Error('other'), { code: 2 });
    assert.throws(
      () => mapReadError(other),
      (error: unknown) => error === other,
    );
    await assert.rejects(
      read(() => Promise.reject(Object.assign(new Error('slow'), { code: 50 }))),
      (error: unknown) => error instanceof EpcisError && error.exception === 'QueryTooComplexException',
    );
  });

  it('reads the database name of a URI', () => {
    assert.equal(databaseInUri('mongodb://h:1/epcisdb?replicaSet=x'), 'epcisdb');
    assert.equal(databaseInUri('mongodb+srv://u:p@cluster.example.com/prod'), 'prod');
    assert.equal(databaseInUri('mongodb://h1:1,h2:2/?w=1'), undefined);
    assert.equal(databaseInUri('mongodb://h:1'), undefined);
  });
});

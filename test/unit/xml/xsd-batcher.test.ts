import assert from 'node:assert/strict';
import { type BatchValidation, XsdBatcher } from '../../../src/formats/xml/xsd-batcher';
import type { XsdValidationError } from '../../../src/formats/xml/xsd-validator';

/** A stand-in for xmllint: "bad" documents get a located error; a "broken" one fails the whole run, unlocated. */
function fakeXmllint(runs: string[][]): BatchValidation<string> {
  return async (docs) => {
    runs.push(docs);
    await new Promise((resolve) => setTimeout(resolve, 5));
    if (docs.some((doc) => doc.startsWith('broken')))
      return docs.map((): XsdValidationError[] => [{ message: 'Could not parse the documents', line: null }]);
    return docs.map((doc) => (doc.startsWith('bad') ? [{ message: `${doc} is invalid`, line: 3 }] : []));
  };
}

describe('XsdBatcher', () => {
  it('runs a lone document at once and queues the rest into batches, up to the size bound', async () => {
    const runs: string[][] = [];
    const batcher = new XsdBatcher(fakeXmllint(runs), { maxConcurrent: 1, maxBatchChars: 10 });
    const docs = ['ok-1', 'ok-2', 'bad-3', 'ok-4', 'ok-5'];
    const results = await Promise.all(docs.map((doc) => batcher.validate(doc)));
    assert.deepEqual(runs, [['ok-1'], ['ok-2', 'bad-3'], ['ok-4', 'ok-5']]);
    assert.deepEqual(results, [[], [], [{ message: 'bad-3 is invalid', line: 3 }], [], []]);
  });

  it('runs each document of a batch alone when the batch failed as a whole', async () => {
    const runs: string[][] = [];
    const batcher = new XsdBatcher(fakeXmllint(runs), { maxConcurrent: 1 });
    const results = await Promise.all(['ok-0', 'ok-1', 'broken-2', 'bad-3'].map((doc) => batcher.validate(doc)));
    assert.deepEqual(runs, [['ok-0'], ['ok-1', 'broken-2', 'bad-3'], ['ok-1'], ['broken-2'], ['bad-3']]);
    assert.deepEqual(results[1], [], 'a valid document is not judged by its neighbour');
    assert.equal(results[2]![0]!.line, null);
    assert.equal(results[3]![0]!.message, 'bad-3 is invalid');
  });

  it('keeps at most maxConcurrent runs going and rejects the callers of a run that throws', async () => {
    let active = 0;
    let peak = 0;
    const batcher = new XsdBatcher(
      async (docs) => {
        active += 1;
        peak = Math.max(peak, active);
        await new Promise((resolve) => setTimeout(resolve, 5));
        active -= 1;
        if (docs.includes('throw')) throw new Error('worker died');
        return docs.map(() => []);
      },
      { maxConcurrent: 2, maxBatchChars: 1 },
    );
    const settled = await Promise.allSettled(['a', 'b', 'c', 'throw', 'd'].map((doc) => batcher.validate(doc)));
    assert.equal(peak, 2);
    assert.deepEqual(
      settled.map((s) => s.status),
      ['fulfilled', 'fulfilled', 'fulfilled', 'rejected', 'fulfilled'],
    );
  });
});

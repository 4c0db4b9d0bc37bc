/**
 * XSD validations that arrive together share one xmllint-wasm run (xsd-batcher.ts), and a malformed document in a
 * batch never decides another document's verdict. Runs the real validator with the project's XSDs.
 */
import assert from 'node:assert/strict';
import { serializeEpcisXml } from '../../../src/formats/xml';
import { XsdBatcher } from '../../../src/formats/xml/xsd-batcher';
import { PROJECT_XSD_LAYOUT, XsdValidator } from '../../../src/formats/xml/xsd-validator';
import { EXAMPLE_NS, epcisDocument, objectEvent } from '../../support/event-factory';

const valid = (i: number) =>
  serializeEpcisXml(epcisDocument([objectEvent(i)]), { example: EXAMPLE_NS }, { cbvFormat: 'Always_URN' });
/** Well-formed, but an element the schema does not allow before <action>. */
const invalid = (i: number) => valid(i).replace('<action>', '<bogus>1</bogus><action>');
const malformed = (i: number) => valid(i).replace('</EPCISBody>', '');

describe('XSD validation batches', function () {
  this.timeout(120_000);
  const validator = new XsdValidator(PROJECT_XSD_LAYOUT);

  function counted() {
    const runs: number[] = [];
    const batcher = new XsdBatcher(
      (docs) => {
        runs.push(docs.length);
        return validator.validateMany(docs);
      },
      { maxConcurrent: 1 },
    );
    return { batcher, runs };
  }

  it('validates documents that arrive during a run together in the next run, each with its own verdict', async () => {
    const { batcher, runs } = counted();
    assert.ok(invalid(0).includes('<bogus>'), 'the invalid document differs from the valid one');
    const docs = Array.from({ length: 12 }, (_, i) => (i % 3 === 2 ? invalid(i) : valid(i)));
    const results = await Promise.all(docs.map((xml) => batcher.validate(xml)));
    assert.deepEqual(runs, [1, 11], 'the first document alone, then the eleven that queued meanwhile');
    results.forEach((errors, i) => {
      if (i % 3 === 2) {
        assert.ok(errors.length > 0, `document ${i} is invalid`);
        assert.match(errors[0]!.message, /bogus/);
        assert.ok(errors[0]!.line !== null, 'the error points at a line of that document');
      } else assert.deepEqual(errors, [], `document ${i} is valid`);
    });
  });

  it('judges each document of a batch on its own when one is malformed', async () => {
    const { batcher, runs } = counted();
    assert.notEqual(malformed(102), valid(102), 'the malformed document differs from the valid one');
    const docs = [valid(100), valid(101), malformed(102), valid(103), invalid(104)];
    const results = await Promise.all(docs.map((xml) => batcher.validate(xml)));
    assert.deepEqual(results[0], []);
    assert.deepEqual(results[1], []);
    assert.ok(results[2]!.length > 0, 'the malformed document is refused');
    assert.deepEqual(results[3], [], 'a valid document in the same batch stays valid');
    assert.match(results[4]![0]!.message, /bogus/);
    assert.deepEqual(runs.slice(0, 2), [1, 4], 'the four queued documents ran as one batch');
    // xmllint ties this parse error to its file; had it not, each document would have been run again alone.
    assert.ok(runs.length === 2 || runs.length === 6, `runs: ${runs.join(', ')}`);
  });
});

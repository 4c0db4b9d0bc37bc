/**
 * The XSD validator (xmllint-wasm, `--stream`) judges a document given as UTF-8 bytes (a Buffer or a plain Uint8Array)
 * exactly as its text; the hardening checks run on the bytes before xmllint sees them.
 */
import assert from 'node:assert/strict';
import { serializeEpcisXml, validateEpcisXmlSchema } from '../../../src/formats/xml';
import { PROJECT_XSD_LAYOUT, XsdValidator } from '../../../src/formats/xml/xsd-validator';
import { EXAMPLE_NS, epcisDocument, objectEvent } from '../../support/event-factory';

const valid = (i: number) =>
  serializeEpcisXml(
    epcisDocument([objectEvent(i, { 'example:note': 'café 中文 𝄞' })]),
    { example: EXAMPLE_NS },
    { cbvFormat: 'Always_URN' },
  );
const invalid = (i: number) => valid(i).replace('<action>', '<bogus>1</bogus><action>');
const malformed = (i: number) => valid(i).replace('</EPCISBody>', '');
const bytes = (text: string) => Buffer.from(text, 'utf8');

describe('XSD validation of documents given as bytes', function () {
  this.timeout(120_000);
  const validator = new XsdValidator(PROJECT_XSD_LAYOUT);

  it('gives each document of a run the verdict its text gets', async () => {
    const texts = [valid(1), invalid(2), valid(3)];
    const fromText = await validator.validateMany(texts);
    const fromBytes = await validator.validateMany([
      bytes(texts[0]!),
      new Uint8Array(bytes(texts[1]!)),
      bytes(texts[2]!),
    ]);
    assert.deepEqual(fromBytes, fromText);
    assert.deepEqual(fromBytes[0], []);
    assert.match(fromBytes[1]![0]!.message, /bogus/);
    assert.ok(fromBytes[1]![0]!.line !== null, 'the error points at a line');
  });

  it('refuses a document that is not well-formed, alone or beside an invalid one', async () => {
    const [alone] = await validator.validateMany([bytes(malformed(4))]);
    assert.ok(alone!.length > 0, 'refused alone');
    const batch = await validator.validateMany([bytes(valid(5)), bytes(malformed(6)), bytes(invalid(7))]);
    assert.deepEqual(batch[0], []);
    assert.ok(batch[1]!.length > 0, 'the malformed document of the batch is refused');
    assert.ok(
      batch[1]!.every((error) => error.line === null),
      'without a line, so that the batcher runs each document again alone',
    );
    assert.match(batch[2]![0]!.message, /bogus/);
  });

  it('checks entity declarations on the bytes before xmllint runs', async () => {
    const xxe = valid(8).replace(
      /^<\?xml[^>]*>/,
      '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
    );
    const errors = await validateEpcisXmlSchema(bytes(xxe));
    assert.equal(errors.length, 1);
    assert.match(errors[0]!.message, /entity declarations/);
    assert.deepEqual(await validateEpcisXmlSchema(bytes(valid(9))), []);
  });
});

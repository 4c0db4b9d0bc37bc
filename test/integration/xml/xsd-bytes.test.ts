/**
 * The XSD validator (xmllint-wasm, `--sax`) judges a document given as UTF-8 bytes (a Buffer or a plain Uint8Array)
 * exactly as its text; the hardening checks run on the bytes before xmllint sees them.
 */
import assert from 'node:assert/strict';
import { validateEpcisXmlSchema } from '../../../src/formats/xml';
import { PROJECT_XSD_LAYOUT, XsdValidator } from '../../../src/formats/xml/xsd-validator';
import { malformedXml, schemaInvalidXml, validXml } from '../../support/xml-samples';

const bytes = (text: string) => Buffer.from(text, 'utf8');

describe('XSD validation of documents given as bytes', function () {
  this.timeout(120_000);
  const validator = new XsdValidator(PROJECT_XSD_LAYOUT);

  it('gives each document of a run the verdict its text gets', async () => {
    const texts = [validXml(1), schemaInvalidXml(2), validXml(3)];
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
    const [alone] = await validator.validateMany([bytes(malformedXml(4))]);
    assert.ok(alone!.length > 0, 'refused alone');
    const batch = await validator.validateMany([
      bytes(validXml(5)),
      bytes(malformedXml(6)),
      bytes(schemaInvalidXml(7)),
    ]);
    assert.deepEqual(batch[0], []);
    assert.ok(batch[1]!.length > 0, 'the malformed document of the batch is refused');
    assert.ok(
      batch[1]!.every((error) => error.line === null),
      'without a line, so that the batcher runs each document again alone',
    );
    assert.match(batch[2]![0]!.message, /bogus/);
  });

  it('checks entity declarations on the bytes before xmllint runs', async () => {
    const xxe = validXml(8).replace(
      /^<\?xml[^>]*>/,
      '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
    );
    const errors = await validateEpcisXmlSchema(bytes(xxe));
    assert.equal(errors.length, 1);
    assert.match(errors[0]!.message, /entity declarations/);
    assert.deepEqual(await validateEpcisXmlSchema(bytes(validXml(9))), []);
  });
});

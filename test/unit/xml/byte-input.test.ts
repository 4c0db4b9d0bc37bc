/**
 * XML documents given as UTF-8 bytes (the capture path: the body is never decoded into one string) give the same
 * result as their text: the hardening checks, the parse (decoded chunk by chunk, a character split between two
 * chunks included), the root namespace the XSD validator chooses its schema by.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { EpcisError } from '../../../src/errors/epcis-errors';
import { parseEpcisXml } from '../../../src/formats/xml/parse-epcis-xml';
import { checkXmlPrologue, resolveLimits, utf16Length } from '../../../src/formats/xml/xml-limits';
import { buildTreeYielding } from '../../../src/formats/xml/xml-tree-saxes';
import { rootNamespace } from '../../../src/formats/xml/xsd-validator';
import { doc2, EPCIS2, objectEvent } from './xml-fixtures';

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const utf8 = (text: string) => Buffer.from(text, 'utf8');

/** The outcome of a check: 'ok' or the message it threw. */
function outcome(run: () => void): string {
  try {
    run();
    return 'ok';
  } catch (error) {
    assert.ok(error instanceof EpcisError, String(error));
    return error.message;
  }
}

const multibyte = doc2(
  objectEvent(
    '<example:note>café 中文 𝄞 ünïcödé</example:note><example:n a="été 𝄞">x</example:n>'.repeat(3),
    '<recordTime>2024-01-01T10:00:00.000+01:00</recordTime>',
  ),
);

describe('XML documents as UTF-8 bytes', () => {
  it('parse to the same document as their text, with a BOM, or from a plain Uint8Array', async () => {
    const fromText = await parseEpcisXml(multibyte);
    assert.deepEqual(await parseEpcisXml(utf8(multibyte)), fromText);
    assert.deepEqual(await parseEpcisXml(Buffer.concat([BOM, utf8(multibyte)])), fromText);
    assert.deepEqual(await parseEpcisXml(new Uint8Array(utf8(multibyte))), fromText);
    assert.deepEqual(await parseEpcisXml(utf8(multibyte), { parser: 'xml2js' }), fromText);
    assert.match(JSON.stringify(fromText.document), /café 中文 𝄞 ünïcödé/);
  });

  it('decode characters split between chunks of any size', async () => {
    const limits = resolveLimits();
    const expected = await buildTreeYielding(multibyte, limits);
    for (const chunkSize of [1, 2, 3, 5, 7, 64]) {
      const tree = await buildTreeYielding(utf8(multibyte), limits, undefined, chunkSize);
      assert.deepEqual(tree, expected, `chunks of ${chunkSize} bytes`);
    }
  });

  it('decode characters split between the decoding steps of a large document', async () => {
    const limits = resolveLimits({ maxLength: 10_000_000 });
    const text = doc2(objectEvent(`<example:note>${'aé中𝄞'.repeat(40_000)}</example:note>`));
    assert.ok(utf8(text).length > 256 * 1024, 'more than one 256 KiB step and many 48 KiB decodings');
    assert.deepEqual(await buildTreeYielding(utf8(text), limits), await buildTreeYielding(text, limits));
  });

  it('refuse bytes that are not UTF-8, wherever they are', async () => {
    const text = utf8(doc2(objectEvent('<example:x>abc</example:x>')));
    for (const at of [10, Math.floor(text.length / 2), text.length - 3]) {
      const bad = Buffer.concat([text.subarray(0, at), Buffer.from([0xc3, 0x28]), text.subarray(at)]);
      await assert.rejects(parseEpcisXml(bad), /not valid UTF-8/);
    }
  });

  it('pass or fail the hardening checks exactly as their text does', () => {
    const body = doc2('').replace(/^<\?xml[^>]*>/, '');
    const documents = [
      body,
      `<!DOCTYPE project>${body}`,
      `<!doctype project >${body}`,
      `<!DOCTYPE d SYSTEM "http://127.0.0.1:9/evil.dtd">${body}`,
      `<!DOCTYPE d [<!ELEMENT d ANY>]>${body}`,
      `<!DocType d>${body}<!DOCTYPE e>`,
      `<!DOCTYPE é>${body}`,
      `${body}<!-- <!EnTiTy x "y"> -->`,
      `${body}<!-- <!ENTIT -->`,
      `${body}<![CDATA[ <!DOCTYPE ]]>`,
      `<!DOCTYPE unclosed`,
    ];
    for (const text of documents) {
      const limits = resolveLimits();
      assert.equal(
        outcome(() => checkXmlPrologue(utf8(text), limits)),
        outcome(() => checkXmlPrologue(text, limits)),
        text,
      );
    }
  });

  it('count the size limit in characters (UTF-16 units), as text does', () => {
    const text = doc2(objectEvent('<example:x>é中𝄞</example:x>'));
    for (const maxLength of [text.length - 1, text.length, utf8(text).length - 1, utf8(text).length]) {
      const limits = resolveLimits({ maxLength });
      assert.equal(
        outcome(() => checkXmlPrologue(Buffer.concat([BOM, utf8(text)]), limits)),
        outcome(() => checkXmlPrologue(text, limits)),
        `maxLength ${maxLength}`,
      );
    }
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), fc.boolean(), (s, bom) => {
        const bytes = bom ? Buffer.concat([BOM, utf8(s)]) : utf8(s);
        return utf16Length(bytes) === new TextDecoder().decode(bytes).length;
      }),
    );
  });

  it('name their root namespace, after a prologue longer than one decoding step', () => {
    const long = `<?xml version="1.0"?><!-- ${'é'.repeat(100_000)} -->${doc2('').replace(/^<\?xml[^>]*>/, '')}`;
    assert.equal(rootNamespace(utf8(long)), EPCIS2);
    assert.equal(rootNamespace(utf8(long)), rootNamespace(long));
    assert.equal(rootNamespace(utf8('<root/>')), '');
    assert.equal(rootNamespace(utf8('not xml')), '');
  });
});

/**
 * Our xmllint worker (src/formats/xml/xmllint-run.ts, xmllint-worker.js) answers exactly as xmllint-wasm's own
 * validateXML (same exit verdict, same output) on valid, invalid and malformed documents, alone and together,
 * and keeps each document in its file system as a view of the memory it received: the shared bytes themselves
 * for a SharedArrayBuffer (no copy at all), one shared copy of other bytes or of a string's UTF-8 form.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { validateXML } from 'xmllint-wasm';
import { runXmllint, sharedUtf8, type XmllintDocument } from '../../../src/formats/xml/xmllint-run';
import { PROJECT_XSD_LAYOUT } from '../../../src/formats/xml/xsd-validator';
import { malformedXml, schemaInvalidXml, validXml } from '../../support/xml-samples';

const schemas = PROJECT_XSD_LAYOUT.files.map((f) => ({
  fileName: path.basename(f),
  contents: readFileSync(path.join(PROJECT_XSD_LAYOUT.dir, f), 'utf8'),
}));
const entry = schemas.find((s) => s.fileName === 'epcis-2.0.xsd')!;
const args = (docs: { fileName: string }[]) => [
  '--schema',
  entry.fileName,
  '--noout',
  '--stream',
  ...docs.map((d) => d.fileName),
];

/** xmllint-wasm's validateXML on the same texts, as { exitCode class, output }. */
async function reference(texts: string[]): Promise<{ verdict: string; output: string }> {
  try {
    const r = await validateXML({
      xml: texts.map((contents, i) => ({ fileName: `doc_${i}.xml`, contents })),
      schema: entry,
      preload: schemas.filter((s) => s !== entry),
      maxMemoryPages: 16384,
      stream: true,
    });
    return { verdict: r.valid ? 'valid' : 'invalid', output: r.rawOutput };
  } catch (error) {
    return { verdict: 'failed', output: (error as Error).message };
  }
}

async function ours(texts: string[]): Promise<{ verdict: string; output: string }> {
  const documents = texts.map((text, i) => ({ fileName: `doc_${i}.xml`, contents: text }));
  const r = await runXmllint({ documents, schemas, args: args(documents), maxMemoryPages: 16384 });
  const verdict = r.exitCode === 0 ? 'valid' : r.exitCode === 3 || r.exitCode === 4 ? 'invalid' : 'failed';
  return { verdict, output: r.stderr };
}

describe('xmllint worker (our own, documents shared)', function () {
  this.timeout(120_000);

  const cases: [string, string[]][] = [
    ['a valid document', [validXml(1)]],
    ['an invalid document', [schemaInvalidXml(2)]],
    ['a malformed document alone', [malformedXml(3)]],
    [
      'valid, invalid and malformed documents in one run',
      [validXml(4), schemaInvalidXml(5), malformedXml(6), validXml(7)],
    ],
  ];
  for (const [name, texts] of cases)
    it(`answers as xmllint-wasm's validateXML: ${name}`, async () => {
      const [expected, actual] = await Promise.all([reference(texts), ours(texts)]);
      assert.deepEqual(actual, expected);
    });

  it('holds a document in a SharedArrayBuffer as a view of that memory (no copy), and a string encoded once', async () => {
    const shared = sharedUtf8(validXml(8));
    assert.ok(shared.buffer instanceof SharedArrayBuffer);
    const documents: XmllintDocument[] = [
      { fileName: 'doc_0.xml', contents: shared },
      { fileName: 'doc_1.xml', contents: schemaInvalidXml(9) },
    ];
    const r = await runXmllint({ documents, schemas, args: args(documents), maxMemoryPages: 16384 });
    assert.equal(r.documentViews, 2);
    assert.equal(r.exitCode, 3);
    assert.match(r.stderr, /^doc_0\.xml validates$/m);
    assert.match(r.stderr, /^doc_1\.xml:\d+: .*bogus/m);
  });

  it('plain bytes (not shared) are copied once into shared memory, held by the worker as a view of it', async () => {
    const documents = [{ fileName: 'doc_0.xml', contents: Buffer.from(validXml(11)) }];
    const r = await runXmllint({ documents, schemas, args: args(documents), maxMemoryPages: 16384 });
    assert.deepEqual([r.exitCode, r.documentViews], [0, 1]);
  });

  it('reports a wasm memory too small to run as a failure, not a verdict', async () => {
    const documents = [{ fileName: 'doc_0.xml', contents: validXml(12) }];
    // The worker either answers with a failure code or ends with an error (the run then rejects).
    const r = await runXmllint({ documents, schemas, args: args(documents), maxMemoryPages: 1 }).catch(
      (error: Error) => ({ exitCode: -1, stderr: error.message }),
    );
    assert.ok(![0, 3, 4].includes(r.exitCode), `exit ${r.exitCode}`);
    assert.notEqual(r.stderr, '');
  });
});

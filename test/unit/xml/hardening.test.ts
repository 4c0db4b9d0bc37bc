import assert from 'node:assert/strict';
import { EpcisError } from '../../../src/errors/epcis-errors';
import { parseEpcisXml } from '../../../src/formats/xml/parse-epcis-xml';
import { doc2, objectEvent } from './xml-fixtures';

/** Asserts a ValidationException whose detail matches `re`, raised within `ms` milliseconds. */
async function rejectsQuickly(xml: string, re: RegExp, parser: 'fast' | 'saxes' | 'xml2js', ms = 2000, limits = {}) {
  const t = Date.now();
  await assert.rejects(parseEpcisXml(xml, { parser, ...limits }), (err: unknown) => {
    assert.ok(err instanceof EpcisError, String(err));
    assert.equal(err.exception, 'ValidationException');
    assert.match(err.message, re);
    return true;
  });
  assert.ok(Date.now() - t < ms, `took ${Date.now() - t} ms`);
}

const lol = `<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<epcis:EPCISDocument xmlns:epcis="urn:epcglobal:epcis:xsd:2" schemaVersion="2.0" creationDate="2024-01-01T00:00:00Z">
<EPCISBody><EventList>${objectEvent('<example:x xmlns:example="urn:x">&lol3;</example:x>')}</EventList></EPCISBody>
</epcis:EPCISDocument>`;

describe('XML input hardening (SECURITY-AND-PERFORMANCE-NOTES 1.2.4, 1.2.5)', () => {
  for (const parser of ['fast', 'saxes', 'xml2js'] as const) {
    describe(`with ${parser}`, () => {
      it('rejects XXE with a file entity, and never reads the file', async () => {
        const xxe = `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>${doc2(
          objectEvent('<example:x>&xxe;</example:x>'),
        ).replace(/^<\?xml[^>]*>/, '')}`;
        await rejectsQuickly(xxe, /entity declarations/i, parser);
      });

      it('rejects billion laughs', () => rejectsQuickly(lol, /entity declarations/i, parser));

      it('rejects an undeclared entity reference (nothing to expand)', () =>
        rejectsQuickly(doc2(objectEvent('<example:x>&undeclared;</example:x>')), /Malformed XML/, parser));

      it('rejects a DOCTYPE with an external identifier but tolerates a bare <!DOCTYPE name>', async () => {
        const ext = `<!DOCTYPE d SYSTEM "http://127.0.0.1:9/evil.dtd">${doc2('')}`;
        await rejectsQuickly(ext, /DOCTYPE/, parser);
        const bare = `<?xml version="1.0"?>\n<!DOCTYPE project>\n${doc2('').replace(/^<\?xml[^>]*>/, '')}`;
        const p = await parseEpcisXml(bare, { parser });
        assert.equal(p.kind, 'EPCISDocument');
      });

      it('rejects 10,000-deep nesting quickly', () => {
        const deep = '<example:d>'.repeat(10_000) + '</example:d>'.repeat(10_000);
        return rejectsQuickly(doc2(objectEvent(deep)), /nesting deeper than 64/, parser);
      });

      it('rejects malformed XML', async () => {
        await rejectsQuickly(doc2(objectEvent('<example:x>')), /Malformed XML/, parser);
        await rejectsQuickly('not xml at all', /Malformed XML/, parser);
        await rejectsQuickly('', /Malformed XML/, parser);
      });

      it('rejects a wrong namespace or root element', async () => {
        await rejectsQuickly(
          doc2('').replace(/urn:epcglobal:epcis:xsd:2/, 'urn:epcglobal:epcis:xsd:3'),
          /Not an EPCIS document/,
          parser,
        );
        await rejectsQuickly('<EPCISDocument schemaVersion="2.0"/>', /Not an EPCIS document/, parser);
        await rejectsQuickly(
          '<epcis:EPCISCaptureJob xmlns:epcis="urn:epcglobal:epcis:xsd:2"/>',
          /Not an EPCIS document/,
          parser,
        );
      });

      it('rejects a document over the size limit before parsing it', () =>
        rejectsQuickly(doc2(objectEvent('')), /exceeds the limit of 100/, parser, 2000, { maxLength: 100 }));
    });
  }

  it('yields to the event loop while parsing a large document (saxes path, 256 KiB chunks)', async () => {
    const events = Array.from({ length: 6000 }, () => objectEvent('<example:f>some text</example:f>')).join('');
    const xml = doc2(events);
    assert.ok(xml.length > 3 * 256 * 1024);
    let ticks = 0;
    const tick = () => {
      ticks++;
      if (!done) setImmediate(tick);
    };
    let done = false;
    setImmediate(tick);
    const parsed = await parseEpcisXml(xml);
    done = true;
    assert.equal((parsed.document.epcisBody as { eventList: unknown[] }).eventList.length, 6000);
    assert.ok(ticks >= 3, `other work ran ${ticks} times during the parse`);
  });
});

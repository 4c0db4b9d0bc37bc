/**
 * XXE with an http entity: a local HTTP server on 127.0.0.1 counts requests while hostile documents go through
 * the parser (with its hardening), through both raw tree builders (hardening bypassed), and through the XSD
 * validator. Nothing may ever be fetched.
 */
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { EpcisError } from '../../../src/errors/epcis-errors';
import { resolveLimits } from '../../../src/formats/xml/xml-limits';
import { parseEpcisXml } from '../../../src/formats/xml/parse-epcis-xml';
import { buildTreeWithSaxes } from '../../../src/formats/xml/xml-tree-saxes';
import { buildTreeWithXml2js } from '../../../src/formats/xml/xml-tree-xml2js';
import { validateEpcisXmlSchema, XsdValidator, PROJECT_XSD_LAYOUT } from '../../../src/formats/xml/xsd-validator';

describe('XXE with an http entity never fetches anything', function () {
  let server: http.Server;
  let requests = 0;
  let base = '';

  before(async () => {
    server = http.createServer((req, res) => {
      requests++;
      res.end('<!ENTITY leaked "secret">');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const docs = () => {
    const root = `<epcis:EPCISDocument xmlns:epcis="urn:epcglobal:epcis:xsd:2" schemaVersion="2.0"
      creationDate="2024-01-01T00:00:00Z"><EPCISBody><EventList/></EPCISBody><x:y xmlns:x="urn:x">&ext;</x:y></epcis:EPCISDocument>`;
    return [
      `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY ext SYSTEM "${base}/entity">]>${root}`,
      `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY % p SYSTEM "${base}/param"> %p;]>${root}`,
      `<?xml version="1.0"?><!DOCTYPE d SYSTEM "${base}/dtd">${root}`,
    ];
  };

  it('parseEpcisXml rejects every variant with a ValidationException', async () => {
    for (const xml of docs()) {
      for (const parser of ['fast', 'saxes', 'xml2js'] as const) {
        await assert.rejects(parseEpcisXml(xml, { parser }), (e: unknown) => e instanceof EpcisError);
      }
    }
    assert.equal(requests, 0);
  });

  it('the raw tree builders (hardening bypassed) fail on the entity and fetch nothing', async () => {
    for (const xml of docs()) {
      assert.throws(() => buildTreeWithSaxes(xml, resolveLimits()), EpcisError);
      await assert.rejects(buildTreeWithXml2js(xml, resolveLimits()), EpcisError);
    }
    assert.equal(requests, 0);
  });

  it('the XSD validator rejects them and fetches nothing, with or without the hardening step', async () => {
    for (const xml of docs()) {
      assert.ok((await validateEpcisXmlSchema(xml)).length > 0);
    }
    // Without the hardening step libxml2 may even call them valid (it keeps `&ext;` as an unexpanded entity
    // reference inside lax content), but it loads nothing: that is why the validator runs the hardening first.
    await new XsdValidator(PROJECT_XSD_LAYOUT).validateMany(docs());
    assert.equal(requests, 0);
  });
});

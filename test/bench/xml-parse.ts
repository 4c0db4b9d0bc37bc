/**
 * XML capture front-end figures (printed, never asserted): parse speed of a 10,000-event document (XML with
 * saxes and with xml2js, against JSON.parse and JSON.parse + the official JSON Schema when ../shared/gs1 is
 * present), and peak RSS while parsing a ~50 MB XML document (measured in a child process).
 *
 *   npx tsx bench/xml-parse.ts            # speed
 *   npx tsx bench/xml-parse.ts --memory   # peak RSS, 50 MB document
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { serializeEpcisXml } from '../../src/formats/xml/document-to-xml';
import { parseEpcisXml } from '../../src/formats/xml/parse-epcis-xml';
import type { JsonObject } from '../../src/model/types';
import { officialJsonSchema, sharedGs1Available } from '../support/gs1-examples';

const NS = { example: 'http://ns.example.com/epcis/' };

export function syntheticDocument(events: number): JsonObject {
  const eventList: JsonObject[] = [];
  for (let i = 0; i < events; i++) {
    eventList.push({
      type: 'ObjectEvent',
      eventTime: '2024-01-01T10:00:00.000+01:00',
      eventTimeZoneOffset: '+01:00',
      epcList: [0, 1, 2].map((k) => `urn:epc:id:sgtin:4012345.011111.${i * 3 + k}`),
      action: 'OBSERVE',
      bizStep: 'shipping',
      disposition: 'in_transit',
      readPoint: { id: 'urn:epc:id:sgln:4012345.00001.0' },
      bizLocation: { id: 'urn:epc:id:sgln:4012345.00002.0' },
      bizTransactionList: [{ type: 'po', bizTransaction: `urn:epc:id:gdti:4012345.00001.${i}` }],
      'example:myField': `value ${i}`,
    });
  }
  return {
    '@context': ['https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld', NS],
    type: 'EPCISDocument',
    schemaVersion: '2.0',
    creationDate: '2024-01-01T00:00:00Z',
    epcisBody: { eventList },
  };
}

async function time(label: string, events: number, fn: () => unknown | Promise<unknown>, runs = 3): Promise<number> {
  await fn();
  let best = Infinity;
  for (let r = 0; r < runs; r++) {
    const t = process.hrtime.bigint();
    await fn();
    best = Math.min(best, Number(process.hrtime.bigint() - t) / 1e6);
  }
  const rate = Math.round((events / best) * 1000);
  console.log(`${label.padEnd(44)} ${best.toFixed(1).padStart(8)} ms  ${String(rate).padStart(9)} events/s`);
  return rate;
}

async function speed(): Promise<void> {
  const n = 10_000;
  const doc = syntheticDocument(n);
  const json = JSON.stringify(doc);
  const xml = serializeEpcisXml(doc, NS, { cbvFormat: 'No_Preference' });
  console.log(`10,000 events: JSON ${(json.length / 1e6).toFixed(1)} MB, XML ${(xml.length / 1e6).toFixed(1)} MB`);
  const jsonRate = await time('JSON.parse', n, () => JSON.parse(json));
  let jsonCapture = jsonRate;
  if (sharedGs1Available()) {
    const validate = officialJsonSchema();
    jsonCapture = await time('JSON.parse + official JSON Schema (AJV)', n, () => validate(JSON.parse(json)));
  }
  const saxes = await time('parseEpcisXml (saxes, default)', n, () => parseEpcisXml(xml));
  const x2j = await time('parseEpcisXml (xml2js)', n, () => parseEpcisXml(xml, { parser: 'xml2js' }), 1);
  await time('serializeEpcisXml', n, () => serializeEpcisXml(doc, NS, { cbvFormat: 'No_Preference' }));
  console.log(`ratio XML(saxes) / JSON.parse+schema: ${(saxes / jsonCapture).toFixed(2)}`);
  console.log(`ratio XML(xml2js) / JSON.parse+schema: ${(x2j / jsonCapture).toFixed(2)}`);
}

/** Child process: baseline RSS, then read the document and parse it; report the process's peak RSS. */
async function memoryChild(file: string): Promise<void> {
  global.gc?.();
  const baseline = process.memoryUsage().rss;
  const xml = readFileSync(file, 'utf8');
  const parsed = await parseEpcisXml(xml, { maxLength: 100 * 1024 * 1024 });
  const peak = process.resourceUsage().maxRSS * 1024;
  const events = ((parsed.document.epcisBody as JsonObject).eventList as unknown[]).length;
  console.log(JSON.stringify({ xmlMB: xml.length / 1e6, events, rssBeforeMB: baseline / 1e6, peakRssMB: peak / 1e6 }));
}

async function memory(): Promise<void> {
  const n = Number(process.env.EVENTS ?? '57000');
  const file = path.join(tmpdir(), `epcis-bench-${process.pid}.xml`);
  writeFileSync(file, serializeEpcisXml(syntheticDocument(n), NS, { cbvFormat: 'No_Preference' }));
  let out: string;
  try {
    out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', __filename, '--memory-child', file], {
      encoding: 'utf8',
      env: process.env,
    });
  } finally {
    rmSync(file, { force: true });
  }
  const r = JSON.parse(out.trim().split('\n').pop()!) as Record<string, number>;
  console.log(
    `${r.events} events, XML ${r.xmlMB!.toFixed(1)} MB: RSS before reading ${r.rssBeforeMB!.toFixed(0)} MB, ` +
      `peak ${r.peakRssMB!.toFixed(0)} MB; reading + parsing added ${(r.peakRssMB! - r.rssBeforeMB!).toFixed(0)} MB = ` +
      `${((r.peakRssMB! - r.rssBeforeMB!) / r.xmlMB!).toFixed(1)}x the document`,
  );
}

const arg = process.argv[2];
if (require.main === module)
  void (arg === '--memory-child' ? memoryChild(process.argv[3]!) : arg === '--memory' ? memory() : speed());

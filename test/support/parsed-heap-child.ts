/**
 * Child process of test/unit/xml/parsed-memory.test.ts (run with --expose-gc): parses an XML document of
 * AggregationEvents from its bytes, as the server does, and prints as JSON the document's size and the heap that the
 * parsed document holds (measured as what a full collection frees once it is dropped).
 */
import { parseEpcisXml, serializeEpcisXml } from '../../src/formats/xml';
import { aggregationEvent, epcisDocument, EXAMPLE_NS, range } from './event-factory';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');
const heap = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
};

/** Parses the document and returns the heap in use while the parsed document is alive. */
async function heapWithParsed(xml: Buffer): Promise<{ events: number; heapUsed: number }> {
  const parsed = (await parseEpcisXml(xml, { maxLength: 1e9 })).document;
  const events = (parsed['epcisBody'] as { eventList: unknown[] }).eventList.length;
  return { events, heapUsed: heap() };
}

async function main(): Promise<void> {
  const count = Number(process.argv[2] ?? 5000);
  const xml = Buffer.from(
    serializeEpcisXml(
      epcisDocument(range(0, count).map((i) => aggregationEvent(i))),
      { example: EXAMPLE_NS },
      { cbvFormat: 'Always_URN' },
    ),
  );
  // Once before measuring: the parser's code and its bounded memos are then in place.
  await heapWithParsed(xml);
  const { events, heapUsed } = await heapWithParsed(xml);
  const without = heap();
  console.log(JSON.stringify({ documentBytes: xml.length, events, parsedHeap: heapUsed - without }));
}

void main();

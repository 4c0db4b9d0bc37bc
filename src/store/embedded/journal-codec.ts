/**
 * The embedded store's journal format (DESIGN.md "Embedded store: ... append-only journal ... replayed at start").
 *
 * Value encoding: JSON cannot carry Dates, so a Date becomes `{"$date": <ms>}`; to keep that marker unambiguous,
 * every object key that starts with `$` gets one more `$` (`$x` -> `$$x`), and is restored on decode. Keys with
 * `undefined` values are dropped (as JSON does), so what is replayed equals what was applied in memory.
 *
 * Framing: each record is one line `LLLLLLLL CCCCCCCC <json>\n`: the JSON byte length and its CRC-32 (node:zlib),
 * both 8 hex digits. A torn or corrupted record is recognised by a bad header, a short body, a missing newline,
 * a CRC mismatch or unparsable JSON.
 */
import { crc32 } from 'node:zlib';
import type { CapturedJsonSource } from '../event-store';

/**
 * The JSON text of a value in the encoding above. Only subtrees that hold a Date or a `$` key are copied; the rest
 * goes to the native JSON.stringify as it is (which writes an `undefined` array item as null and drops an
 * `undefined` property, as the encoding says). A capture's record holds every event it stores, so building a full
 * encoded copy first was a large part of the commit's CPU and garbage. Functions, symbols and bigints are refused.
 */
export function encodeJson(value: unknown): string {
  return JSON.stringify(encodeChanged(value) ?? value) ?? 'null';
}

/**
 * The JSON text of a journal record: exactly `encodeJson(journalForm(record))`, with less work for a capture's
 * 'finish' record (the concatenation of `recordJsonPieces`).
 */
export function encodeRecordJson(record: unknown): string {
  let json = '';
  for (const piece of recordJsonPieces(record))
    json += typeof piece === 'string' ? piece : bytesOf(piece).toString('utf8');
  return json;
}

/** A Buffer over the same memory (no copy). */
const bytesOf = (piece: Uint8Array): Buffer => Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength);

/**
 * Stored events per piece of a finish record's text: about 50 KB (1.5 KB an event for a typical ObjectEvent), whatever
 * the capture's size, and so below V8's large-object size (128 KiB): a larger string is allocated in the large-object
 * space, which only a full collection frees.
 */
export const EVENTS_PER_PIECE = 32;

/**
 * What the journal holds of a record: the record itself, except that a finish record which names the namespaces of
 * its events' query fields (embedded-state.ts) holds its stored events without `q`, which replay recomputes from the
 * event and those namespaces (replay-query-fields.ts). The query fields are about a third of a stored event's text,
 * and the Dates among them made every one of them walked to be encoded: leaving them out cut the CPU of a capture
 * into the embedded store by about a quarter. A record's captured document (`source`) is not part of it: it is
 * written otherwise, or not at all (recordJsonPieces).
 */
export function journalForm(record: unknown): unknown {
  if (!isFinishRecord(record)) return record;
  const { source, ...rest } = record;
  if (!omitsQueryFields(record)) return source === undefined ? record : rest;
  return {
    ...rest,
    events: record.events.map((event) => (isPlainObject(event) ? withoutQueryFields(event) : event)),
  };
}

function withoutQueryFields(event: Record<string, unknown>): Record<string, unknown> {
  const form: Record<string, unknown> = {};
  for (const key in event) if (Object.hasOwn(event, key) && key !== 'q') define(form, key, event[key]);
  return form;
}

const omitsQueryFields = (record: Record<string, unknown>): boolean => isPlainObject(record['namespaces']);

/**
 * The JSON text of a journal record (`encodeJson(journalForm(record))`, byte for byte) in consecutive pieces, so
 * that a capture's 'finish' record, which holds every event it stores, never exists as one string or one buffer:
 * the journal writes each piece as it comes (journal-file.ts). Other records are one piece.
 *
 * Each stored event of a finish record carries the captured event under `event`: keys made safe by key-codec (none
 * starts with `$`) and plain JSON values (`JsonObject`, never a Date), stored-event.ts. That subtree, most of the
 * record, has nothing to encode and is not walked; the bookkeeping fields, `namespaces` and (when the journal keeps
 * them) the query fields `q` are encoded as usual.
 *
 * A finish record with the captured JSON document its events come from (`source`, embedded-state.ts) is written
 * otherwise when its events are as capture makes them (`documentForm`), and is then not
 * `encodeJson(journalForm(record))`:
 * - `events` holds, for each stored event, its place in the document's event list, alone when the eventID is the one
 *   the event came with, or `[place, eventID, eventIDAssigned]` when the eventID is the event's CBV 2.0 hash
 *   (assigned by the server, or given): what capture decided about it (stored-form.ts `CaptureDecisions`);
 * - the record ends with `"source":{"eventList":<JSON pointer>,"owner":<principal>,"recordTime":<ms>,
 *   "document":<the document's bytes>}`, the bytes given as they are (a Uint8Array piece). They are JSON text, so the
 *   record is JSON text, and `decodeRecord` leaves the document as parsed.
 * Replay rebuilds every stored event from those with the function capture uses (replay-captured-events.ts). Neither
 * the events' contents nor their bookkeeping is written out one by one: JSON.stringify of every stored event was the
 * largest cost of a large capture's commit.
 */
export function* recordJsonPieces(record: unknown, eventsPerPiece = EVENTS_PER_PIECE): Generator<string | Uint8Array> {
  const source = isFinishRecord(record) ? documentForm(record) : undefined;
  if (!isFinishRecord(record) || (source === undefined && hasEscapedKey(record))) {
    yield encodeJson(journalForm(record));
    return;
  }
  const events = record.events;
  const withQueryFields = !omitsQueryFields(record);
  const entries =
    source === undefined
      ? (from: number, to: number) =>
          JSON.stringify(events.slice(from, to).map((event) => encodedStoredEvent(event, withQueryFields))).slice(1, -1)
      : (from: number, to: number) => placedEvents(events as PlacedEvent[], source.eventIndexes, from, to);
  const { source: _written, ...rest } = record;
  const shell = (encodeObject(rest, 'events') ?? rest) as Record<string, unknown>;
  let text = '{';
  let separator = '';
  for (const key in shell) {
    if (!Object.hasOwn(shell, key)) continue;
    const value = shell[key];
    if (value === undefined) continue; // as JSON.stringify: an undefined property is left out
    text += `${separator}${JSON.stringify(key)}:`;
    separator = ',';
    if (key !== 'events') {
      text += JSON.stringify(value);
      continue;
    }
    text += '[';
    for (let start = 0; start < events.length; start += eventsPerPiece) {
      text += `${start > 0 ? ',' : ''}${entries(start, start + eventsPerPiece)}`;
      if (start + eventsPerPiece >= events.length) break; // the last events go with the rest of the record
      yield text;
      text = '';
    }
    text += ']';
  }
  if (source !== undefined) {
    const first = events[0] as PlacedEvent;
    yield (
      `${text},"source":{"eventList":${JSON.stringify(source.eventList)},"owner":${JSON.stringify(first.owner)},` +
      `"recordTime":${first.recordTime.getTime()},"document":`
    );
    yield source.json;
    text = '}';
  }
  yield `${text}}`;
}

/** What the document form of a finish record reads of a stored event (see recordJsonPieces). */
interface PlacedEvent {
  eventID: string;
  eventIDAssigned: boolean;
  contentHash?: string;
  captureID: string;
  owner: string;
  state: string;
  recordTime: Date;
}

/** The journal entries of events from..to (exclusive) of a finish record in the document form, comma-separated. */
function placedEvents(events: PlacedEvent[], at: number[], from: number, to: number): string {
  let text = '';
  for (let i = from; i < Math.min(to, events.length); i += 1) {
    const event = events[i]!;
    const place = at[i]!;
    text += i > from ? ',' : '';
    text +=
      event.contentHash === undefined
        ? String(place)
        : `[${place},${JSON.stringify(event.eventID)},${String(event.eventIDAssigned)}]`;
  }
  return text;
}

/** Own keys of a stored event in a finish record (stored-form.ts), besides `contentHash` and `q`. */
const STORED_EVENT_KEYS = 12;

/**
 * A finish record's captured document, when the record can be written in the document form: one place for each
 * event; bytes that are a JSON object's text (JSON.parse accepted them: a check of their ends catches what would make
 * the record invalid JSON, as a byte order mark would); the namespaces of the capture (replay recomputes each event's
 * own with them); and events that are what replay rebuilds, as capture makes them (stored-form.ts): one captureID,
 * owner and recordTime, committed, a content hash only as the eventID, and no other field. Otherwise the events are
 * written themselves.
 */
function documentForm(record: Record<string, unknown> & { events: unknown[] }): CapturedJsonSource | undefined {
  const source = record['source'] as CapturedJsonSource | undefined;
  if (source === undefined) return undefined;
  if (!(source.json instanceof Uint8Array) || source.eventIndexes.length !== record.events.length)
    throw new Error('journal: a finish record whose document does not place each of its events');
  if (!isObjectText(source.json) || !omitsQueryFields(record) || record.events.length === 0) return undefined;
  const first = record.events[0] as Partial<PlacedEvent>;
  if (typeof first.owner !== 'string' || !(first.recordTime instanceof Date)) return undefined;
  const time = first.recordTime.getTime();
  for (const item of record.events) {
    if (!isPlainObject(item)) return undefined;
    const event = item as Partial<PlacedEvent>;
    const hashed = event.contentHash !== undefined;
    if (
      event.captureID !== record['captureID'] ||
      event.owner !== first.owner ||
      event.state !== 'committed' ||
      !(event.recordTime instanceof Date) ||
      event.recordTime.getTime() !== time ||
      typeof event.eventID !== 'string' ||
      (hashed ? event.contentHash !== event.eventID : event.eventIDAssigned !== false) ||
      typeof event.eventIDAssigned !== 'boolean'
    )
      return undefined;
    let keys = 0;
    for (const key in item) if (Object.hasOwn(item, key) && key !== 'q') keys += 1;
    if (keys !== STORED_EVENT_KEYS + (hashed ? 1 : 0)) return undefined;
  }
  return source;
}

const isJsonWhitespace = (byte: number | undefined) => byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;

/** Whether bytes start with `{` and end with `}`, JSON whitespace aside. */
function isObjectText(bytes: Uint8Array): boolean {
  let start = 0;
  let end = bytes.length - 1;
  while (start < end && isJsonWhitespace(bytes[start])) start += 1;
  while (end > start && isJsonWhitespace(bytes[end])) end -= 1;
  return bytes[start] === 0x7b && bytes[end] === 0x7d;
}

/**
 * A stored event's encoded journal form: its captured `event` needs no encoding (see recordJsonPieces), its `q` is
 * left out unless `withQueryFields` (set to undefined, which JSON leaves out), every other child is encoded (Dates,
 * `$` keys). A shallow copy of the event keeps its shape, so that the few fields replaced are cheap to set.
 */
function encodedStoredEvent(event: unknown, withQueryFields: boolean): unknown {
  if (!isPlainObject(event)) return encodeChanged(event) ?? event;
  const form: Record<string, unknown> = { ...event };
  for (const key in event) {
    if (!Object.hasOwn(event, key) || key === 'event') continue;
    if (key.charCodeAt(0) === 36 /* $ */) return escapedCopy(withQueryFields ? event : withoutQueryFields(event));
    const child = event[key];
    if (typeof child !== 'object' || child === null) refuseUnencodable(child);
    else if (key === 'q' && !withQueryFields) define(form, key, undefined);
    else {
      const encoded = encodeChanged(child);
      if (encoded !== undefined) define(form, key, encoded);
    }
  }
  return form;
}

const hasEscapedKey = (object: Record<string, unknown>): boolean =>
  Object.keys(object).some((key) => key.charCodeAt(0) === 36 /* $ */);

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);

const isFinishRecord = (record: unknown): record is Record<string, unknown> & { events: unknown[] } =>
  isPlainObject(record) && record['op'] === 'finish' && Array.isArray(record['events']);

/** Refuses what JSON would drop or cannot write (functions, symbols, bigints). */
function refuseUnencodable(value: unknown): void {
  if (typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint')
    throw new TypeError(`journal: cannot encode a value of type ${typeof value}`);
}

/** The encoded copy of `value`, or undefined when its encoding is the value itself. */
function encodeChanged(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) {
    refuseUnencodable(value);
    return undefined;
  }
  if (value instanceof Date) return { $date: value.getTime() };
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    for (let i = 0; i < value.length; i += 1) {
      const changed = encodeChanged(value[i]);
      if (changed === undefined) continue;
      copy ??= value.slice();
      copy[i] = changed;
    }
    return copy;
  }
  return encodeObject(value as Record<string, unknown>, undefined);
}

/**
 * The encoded copy of a plain object, or undefined when its encoding is the object itself. The child under
 * `plainKey` (when given) is not looked at: the caller knows it needs no encoding, or encodes it itself.
 */
function encodeObject(object: Record<string, unknown>, plainKey: string | undefined): unknown {
  // One pass without allocation in the usual case: the first changed child starts a shallow copy (same key order).
  let copy: Record<string, unknown> | undefined;
  for (const key in object) {
    if (!Object.hasOwn(object, key)) continue;
    if (key.charCodeAt(0) === 36 /* $ */) return escapedCopy(object);
    if (key === plainKey) continue;
    const child = object[key];
    if (typeof child !== 'object' || child === null) {
      refuseUnencodable(child);
      continue;
    }
    const changed = encodeChanged(child);
    if (changed === undefined) continue;
    copy ??= { ...object };
    copy[key] = changed;
  }
  return copy;
}

/** The encoded copy of an object with a `$` key: every such key gets one more `$`, every value is encoded. */
function escapedCopy(object: Record<string, unknown>): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const key in object) {
    if (!Object.hasOwn(object, key)) continue;
    const child = object[key];
    if (typeof child !== 'object' || child === null) refuseUnencodable(child);
    const changed = typeof child === 'object' && child !== null ? encodeChanged(child) : undefined;
    define(copy, key.startsWith('$') ? `$${key}` : key, changed === undefined ? child : changed);
  }
  return copy;
}

/**
 * Decodes a value just produced by JSON.parse, IN PLACE (it is nobody else's): Date markers become Dates and `$$`
 * keys lose their extra `$`. Only an object with an escaped key is rebuilt (to keep its key order); replaying a
 * journal of many events would otherwise copy every object once more.
 */
export function decodeParsed(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) value[i] = decodeParsed(value[i]);
    return value;
  }
  const object = value as Record<string, unknown>;
  let keys = 0;
  let escaped = false;
  for (const key in object) {
    if (!Object.hasOwn(object, key)) continue;
    keys += 1;
    if (key.startsWith('$$')) escaped = true;
    const child = object[key];
    if (child !== null && typeof child === 'object') object[key] = decodeParsed(child);
  }
  const marker = object['$date'];
  if (keys === 1 && typeof marker === 'number' && Object.hasOwn(object, '$date')) return new Date(marker);
  if (!escaped) return object;
  const out: Record<string, unknown> = {};
  for (const key in object)
    if (Object.hasOwn(object, key)) define(out, key.startsWith('$$') ? key.slice(1) : key, object[key]);
  return out;
}

/**
 * Decodes a record just parsed from the journal (decodeParsed), except the captured document of a finish record,
 * which was written as it came and is left as parsed (recordJsonPieces).
 */
export function decodeRecord(parsed: unknown): unknown {
  if (!isFinishRecord(parsed) || !isPlainObject(parsed['source'])) return decodeParsed(parsed);
  const source = parsed['source'];
  parsed['source'] = null;
  const decoded = decodeParsed(parsed) as Record<string, unknown>;
  decoded['source'] = source;
  return decoded;
}

/** Sets an own key; `defineProperty` (slower) only for `__proto__`, which it keeps an ordinary own key. */
function define(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__')
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

const HEADER_BYTES = 18; // 8 hex + space + 8 hex + space
const NEWLINE = 0x0a;
const HEADER = /^[0-9a-f]{8} [0-9a-f]{8} $/;

/** One record as a frame, in one buffer. */
export function frameRecord(record: unknown): Buffer {
  return frameJson(encodeRecordJson(record));
}

function frameJson(json: string): Buffer {
  const length = Buffer.byteLength(json, 'utf8');
  const frame = Buffer.allocUnsafe(HEADER_BYTES + length + 1);
  if (frame.write(json, HEADER_BYTES, length, 'utf8') !== length) throw new Error('journal: record encoding mismatch');
  frame.write(frameHeader(length, crc32(frame.subarray(HEADER_BYTES, HEADER_BYTES + length))), 0, 'ascii');
  frame[HEADER_BYTES + length] = NEWLINE;
  return frame;
}

const hex8 = (n: number) => (n >>> 0).toString(16).padStart(8, '0');
const frameHeader = (length: number, crc: number) => `${hex8(length)} ${hex8(crc)} `;

/** Stands where a frame's header goes until its body is written; no reader takes it for a header (HEADER). */
const PLACEHOLDER_HEADER = Buffer.from('-'.repeat(HEADER_BYTES), 'ascii');

/**
 * Where a frame's bytes go: `bytes` at `offset` from the frame's first byte. `bytes` may be reused once the returned
 * promise settles (the writer stages pieces in one buffer).
 */
export type FrameSink = (bytes: Buffer, offset: number) => Promise<void>;

export interface FrameWriteOptions {
  /** Stored events per piece of text (recordJsonPieces). */
  eventsPerPiece?: number;
  /** Size of the one buffer the pieces are gathered in before each write. */
  stagingBytes?: number;
}

/** Bytes gathered before each write of a large record: one buffer, reused, instead of one per piece. */
const STAGING_BYTES = 1024 * 1024;

/**
 * Writes a record's frame (the bytes of `frameRecord(record)`) through `sink` and returns its length. A record of one
 * piece (recordJsonPieces) is written at once. A longer one, a large capture's finish record, is written piece by
 * piece, so that neither its text nor its bytes are ever held whole: first its body, gathered in one reused buffer,
 * behind a placeholder header that no reader takes for a frame, then its newline, and last its real header, whose
 * length and CRC-32 are known only then. A crash before the caller's fsync leaves a frame that parseJournal drops as
 * torn (placeholder, short body or CRC mismatch), like a torn single write.
 */
export async function writeFrame(record: unknown, sink: FrameSink, options: FrameWriteOptions = {}): Promise<number> {
  const pieces = recordJsonPieces(record, options.eventsPerPiece ?? EVENTS_PER_PIECE);
  const first = pieces.next();
  const second = pieces.next();
  const only = second.done ? (first.done ? '' : first.value) : undefined;
  if (typeof only === 'string') {
    const frame = frameJson(only);
    await sink(frame, 0);
    return frame.length;
  }
  const staging = Buffer.allocUnsafe(options.stagingBytes ?? STAGING_BYTES);
  let staged = 0;
  let length = 0;
  let crc = 0;
  const writeBody = async (bytes: Buffer) => {
    crc = crc32(bytes, crc);
    await sink(bytes, HEADER_BYTES + length);
    length += bytes.length;
  };
  const flush = async () => {
    if (staged > 0) await writeBody(staging.subarray(0, staged));
    staged = 0;
  };
  const add = async (piece: string | Uint8Array) => {
    if (typeof piece !== 'string') {
      // Bytes (a captured document) are written from where they are.
      await flush();
      await writeBody(bytesOf(piece));
      return;
    }
    const most = piece.length * 3; // UTF-8 bytes of a UTF-16 code unit: at most 3
    if (most > staging.length - staged) await flush();
    if (most > staging.length) await writeBody(Buffer.from(piece, 'utf8'));
    else staged += staging.write(piece, staged, 'utf8');
  };
  await sink(PLACEHOLDER_HEADER, 0);
  if (!first.done) await add(first.value);
  if (!second.done) await add(second.value);
  for (const piece of pieces) await add(piece);
  await flush();
  if (length > MAX_FRAME_BODY) throw new Error(`journal: a record of ${length} bytes is over the frame limit`);
  await sink(Buffer.from([NEWLINE]), HEADER_BYTES + length);
  await sink(Buffer.from(frameHeader(length, crc), 'ascii'), 0);
  return HEADER_BYTES + length + 1;
}

/** The longest body a frame's 8 hex digits can state. */
const MAX_FRAME_BODY = 0xffffffff;

/** Parses the frame at `offset`: its decoded record and where the next frame starts, or null if it is not valid. */
export function parseFrame(buffer: Buffer, offset: number): { record: unknown; next: number } | null {
  if (offset + HEADER_BYTES > buffer.length) return null;
  const header = buffer.toString('ascii', offset, offset + HEADER_BYTES);
  if (!HEADER.test(header)) return null;
  const length = parseInt(header.slice(0, 8), 16);
  const crc = parseInt(header.slice(9, 17), 16);
  const start = offset + HEADER_BYTES;
  const end = start + length;
  if (end >= buffer.length || buffer[end] !== NEWLINE) return null;
  const body = buffer.subarray(start, end);
  if (crc32(body) >>> 0 !== crc) return null;
  try {
    return { record: decodeRecord(JSON.parse(body.toString('utf8'))), next: end + 1 };
  } catch {
    return null;
  }
}

export interface ParsedJournal {
  records: unknown[];
  /** Bytes of valid records from the start; anything after is a torn tail to drop. */
  validLength: number;
}

/**
 * Reads every valid record. An invalid record at the end (a torn append) ends the journal; an invalid record
 * FOLLOWED by valid ones is corruption in the middle, which is refused rather than silently dropping data.
 */
export function parseJournal(buffer: Buffer): ParsedJournal {
  const records: unknown[] = [];
  let offset = 0;
  while (offset < buffer.length) {
    const frame = parseFrame(buffer, offset);
    if (!frame) break;
    records.push(frame.record);
    offset = frame.next;
  }
  if (offset < buffer.length) {
    for (let at = buffer.indexOf(NEWLINE, offset); at >= 0; at = buffer.indexOf(NEWLINE, at + 1)) {
      if (parseFrame(buffer, at + 1)) {
        throw new Error(
          `Journal corrupted at byte ${offset} with valid records after it: refusing to start (restore a backup ` +
            'or truncate the journal there by hand to drop what follows).',
        );
      }
    }
  }
  return { records, validLength: offset };
}

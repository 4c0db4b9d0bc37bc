/**
 * Sinks for the embedded journal's frame writer (src/store/embedded/journal-codec.ts `writeFrame`), shared by the
 * journal codec tests: one that collects what it is given, and the bytes a write leaves when it stops part-way
 * (a crash in the middle of an append).
 */
import { type FrameSink, type FrameWriteOptions, writeFrame } from '../../src/store/embedded/journal-codec';

/** The bytes a sink received, laid out at their offsets, and each write's offset and length. */
export function collectingSink(): {
  sink: FrameSink;
  bytes: () => Buffer;
  writes: Array<{ at: number; length: number }>;
} {
  let out = Buffer.alloc(0);
  const writes: Array<{ at: number; length: number }> = [];
  const sink: FrameSink = (bytes, offset) => {
    if (out.length < offset + bytes.length)
      out = Buffer.concat([out, Buffer.alloc(offset + bytes.length - out.length)]);
    bytes.copy(out, offset);
    writes.push({ at: offset, length: bytes.length });
    return Promise.resolve();
  };
  return { sink, bytes: () => out, writes };
}

/** What writing `record` leaves on disk when only its first `writes` writes reach it. */
export async function writtenUpTo(record: unknown, options: FrameWriteOptions, writes: number): Promise<Buffer> {
  const partial = collectingSink();
  let calls = 0;
  await writeFrame(
    record,
    (bytes, offset) => ((calls += 1) <= writes ? partial.sink(bytes, offset) : Promise.resolve()),
    options,
  );
  return partial.bytes();
}

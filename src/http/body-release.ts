/**
 * Giving back the memory of a large request body once it is read. A capture's body (an XML document in one
 * SharedArrayBuffer, shared with the XSD worker; a JSON document in a Buffer) lives outside the V8 heap, and only
 * a major garbage collection frees it: while the events it held are stored, its object has long been promoted to
 * the old generation, and V8 starts no major collection for memory it does not see growing. Measured on a 50.6 MiB
 * XML capture into the embedded store (server peak RSS growth over the document size): the body stayed allocated
 * through the whole commit in about half the runs, at 4.0-4.1x against 3.0-3.1x when a collection happened to come
 * first.
 *
 * A JSON body that is accepted is not let go here: its bytes go on to the store with the capture (the embedded store
 * journals them, CaptureRequest.json), and are unreferenced once the capture ends.
 *
 * When the process runs with `--expose-gc` (npm start does), a body of at least RELEASE_BYTES that nothing
 * references any more asks for an ASYNCHRONOUS major collection: incremental marking and concurrent sweeping, no
 * stop-the-world pause for the other requests (model/major-gc.ts). Without the flag nothing happens.
 */
import { exposedGc, requestMajorGc, type GcFunction } from '../model/major-gc';

/** Bodies from this size up are worth a collection of their own (a few per minute at most, for documents this big). */
export const RELEASE_BYTES = 16 * 1024 * 1024;

/**
 * Called once a body of `bytes` is no longer referenced (the caller keeps no reference to it): asks for an
 * asynchronous major collection when the body is large and `gc` is available. Returns whether it asked.
 */
export function releaseBody(bytes: number, gc: GcFunction | undefined = exposedGc()): boolean {
  return bytes >= RELEASE_BYTES && requestMajorGc(gc);
}

/** The size of a body as read (0 when there is none). */
export const bodyBytes = (body: unknown): number =>
  Buffer.isBuffer(body) || body instanceof Uint8Array ? body.byteLength : 0;

'use strict';
/* global WebAssembly */
/**
 * Worker thread that runs xmllint (libxml2 compiled to WebAssembly by xmllint-wasm) once, on the files and
 * arguments of its workerData, and posts { exitCode, stdout, stderr, documentViews } to its parent
 * (src/formats/xml/xmllint-run.ts starts it and ends it). Plain JavaScript, so that it runs as is under tsx and
 * from the compiled build (tsconfig.build.json emits it into dist/ beside its host).
 *
 * Why not xmllint-wasm's validateXML: its worker receives the document by postMessage (a structured-clone copy)
 * and its preRun writes it to the in-memory file system (MEMFS), whose `write` keeps `input.slice(...)`: a second
 * copy. Here the document arrives as a Uint8Array over a SharedArrayBuffer (shared with the parent, not copied)
 * and is handed to MEMFS as a view whose `slice` returns a view (subarray): MEMFS keeps the caller's memory.
 * Requiring xmllint-node.js gives the Emscripten factory (module.exports); its own worker handler only answers
 * messages tagged `xmllint-wasm: true`, and this worker receives no message at all (its input is workerData).
 */
const { parentPort, workerData } = require('node:worker_threads');
const createXmllint = require('xmllint-wasm/xmllint-node.js');

/** Views handed to MEMFS by `slice`, with the array they were taken from. */
const handedOut = [];

/** A Uint8Array whose `slice` is a view (subarray): MEMFS stores what `slice` returns as the file's contents. */
class SharedSlices extends Uint8Array {
  slice(start, end) {
    const view = this.subarray(start, end);
    handedOut.push({ from: this, view });
    return view;
  }
}

/** Documents whose whole contents MEMFS holds as a view of the shared memory this worker received (not a copy). */
function documentViews(documents) {
  return documents.filter((doc) =>
    handedOut.some(
      ({ from, view }) =>
        from === doc &&
        doc.buffer instanceof SharedArrayBuffer &&
        view.buffer === doc.buffer &&
        view.byteOffset === doc.byteOffset &&
        view.length === doc.length,
    ),
  ).length;
}

function run({ wasmModule, documents, schemas, args, initialMemoryPages, maxMemoryPages }) {
  const viewed = documents.map(
    ({ contents }) => new SharedSlices(contents.buffer, contents.byteOffset, contents.byteLength),
  );
  const inputFiles = [
    ...documents.map(({ fileName }, i) => ({ fileName, contents: viewed[i] })),
    ...schemas, // small strings: xmllint-wasm's preRun encodes them to UTF-8
  ];
  let stdout = '';
  let stderr = '';
  let posted = false;
  const post = (message) => {
    if (posted) return;
    posted = true;
    parentPort.postMessage({ ...message, documentViews: documentViews(viewed) });
  };
  createXmllint({
    inputFiles,
    arguments: args,
    print(text) {
      stdout += text + '\n';
    },
    printErr(text) {
      stderr += text + '\n';
    },
    onExit(exitCode) {
      post({ exitCode, stdout, stderr });
    },
    onAbort(reason) {
      post({ exitCode: -1, stdout: '', stderr: 'WASM Abort: ' + reason });
    },
    wasmMemory: new WebAssembly.Memory({ initial: initialMemoryPages, maximum: maxMemoryPages }),
    // The module compiled once by the parent (xmllint-run.ts), instead of reading and compiling xmllint.wasm here.
    instantiateWasm(imports, receiveInstance) {
      WebAssembly.instantiate(wasmModule, imports).then(
        (instance) => receiveInstance(instance, wasmModule),
        (error) => post({ exitCode: -1, stdout: '', stderr: 'WASM instantiation failed: ' + String(error) }),
      );
      return {};
    },
  }).catch((error) =>
    post({ exitCode: -1, stdout: '', stderr: String(error && error.message ? error.message : error) }),
  );
}

run(workerData);

'use strict';
/**
 * Entry point of the event-check worker thread (event-check-worker.ts runs in it). Plain JavaScript, so that the
 * same file starts the worker under tsx, which the worker inherits through the parent's execArgv and which loads
 * the TypeScript module, and from the compiled build (tsconfig.build.json emits this file beside its host): the
 * parent resolves the module's path with its own resolver and passes it as `workerData.module`.
 */
const { workerData } = require('node:worker_threads');

require(workerData.module).runEventCheckWorker();

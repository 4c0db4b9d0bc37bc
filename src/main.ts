/**
 * Entry point: reads the environment, opens the store (MongoDB when MONGODB_URI is set, else the embedded store),
 * listens, and on SIGTERM/SIGINT stops accepting, finishes in-flight captures, flushes and closes the store.
 */
import type { Server } from 'node:http';
import { readConfig } from './config/config';
import { createApp } from './http/app';
import { createLogger } from './logging/logger';
import { composeApp, warmEventChecks } from './server/compose';
import { openStore } from './store/open-store';

async function main(): Promise<void> {
  const config = readConfig();
  const logger = createLogger(config.logLevel);
  const store = await openStore({
    ...(config.mongodbUri ? { mongodbUri: config.mongodbUri } : {}),
    dbName: config.mongodbDatabase,
    dataDir: config.dataDir,
    instanceId: config.instanceId,
  });
  const app = createApp(composeApp(config, store, logger));
  void warmEventChecks(config, logger);
  await app.locals.services.prefixMemory.load();
  const server: Server = app.listen(config.port, config.host, () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    logger.info({ port, host: config.host, store: store.kind, storeDescription: store.description }, 'listening');
  });
  // Slow-client protection (SECURITY-AND-PERFORMANCE-NOTES 1.2.3).
  server.headersTimeout = 20_000;
  server.requestTimeout = 120_000;
  server.keepAliveTimeout = 5_000;
  server.maxHeadersCount = 200;

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: finishing in-flight captures');
    app.locals.services.shuttingDown = true;
    server.close();
    server.closeIdleConnections();
    await app.locals.services.capture.drain();
    await app.locals.services.prefixMemory.settled();
    await store.close();
    logger.info({}, 'stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((error: unknown) => {
  console.error('epcis: failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});

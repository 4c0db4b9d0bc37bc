/**
 * Mocha root hooks: process-wide test resources. The MongoDB wire-protocol test server (test/support/mongo-server.ts)
 * is started lazily by the first suite that asks for it and stopped here once every suite has run.
 */
import { stopSharedMongoServer } from './mongo-server-registry';

export const mochaHooks = {
  async afterAll(): Promise<void> {
    await stopSharedMongoServer();
  },
};

/**
 * Wires the real implementations of every port into createApp's dependencies (the composition root, used by the
 * entry point, the tests and the benchmarks).
 */
import { sharedEventCheckPool } from '../capture/event-check-pool';
import type { EventPreparation } from '../capture/prepare-event';
import type { AppConfig } from '../config/config';
import { analyseContext } from '../formats/jsonld/context-processor';
import { stripStandardPrefixRedefinitions } from '../formats/jsonld/standard-prefix-redefinition';
import type { AppDeps } from '../http/app';
import type { Logger } from '../logging/logger';
import { queryFieldsOf } from '../query';
import { eventHash } from '../hash/event-hash';
import type { EventStore } from '../store/event-store';
import { createEpcisValidator } from '../validation';

export const eventPreparation: EventPreparation = {
  // CBV 2.0 event hash ID (EPCIS-DIGEST §h): the same event in any representation gets the same eventID.
  assignEventId: (event, namespaces) => eventHash(event, namespaces),
  // The same function computes the query fields the stores compute themselves (store/stored-query-fields.ts).
  queryFields: queryFieldsOf,
};

export function composeApp(config: AppConfig, store: EventStore, logger: Logger): AppDeps {
  return {
    config,
    store,
    logger,
    validator: createEpcisValidator(),
    preparation: eventPreparation,
    // The worker runs the same validator (createEpcisValidator) on the same bytes.
    eventChecks: sharedEventCheckPool(),
    analyseContext: async (context, body) => {
      const cleaned = stripStandardPrefixRedefinitions(context);
      if (Object.keys(cleaned.stripped).length > 0)
        logger.warn(
          { stripped: cleaned.stripped },
          '@context rebinds standard EPCIS prefixes; the standard meaning is kept',
        );
      return analyseContext(cleaned.context, body);
    },
  };
}

/**
 * Starts the event-check worker now, when the configuration uses it, so that the first large JSON capture already
 * has it (a capture never waits for it: until it is ready, captures validate their events themselves). Resolves
 * once it takes jobs, or once it failed to start (logged: the server works on without it).
 */
export async function warmEventChecks(config: AppConfig, logger?: Logger): Promise<void> {
  if (config.capture.validationWorkerMinBytes === null) return;
  try {
    await sharedEventCheckPool().whenReady();
    logger?.info({ minBytes: config.capture.validationWorkerMinBytes }, 'event-check worker ready');
  } catch (error) {
    logger?.warn({ err: error }, 'event-check worker unavailable: captures validate their events themselves');
  }
}

/**
 * Wires the real implementations of every port into createApp's dependencies (the composition root, used by the
 * entry point, the tests and the benchmarks).
 */
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

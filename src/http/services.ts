/** What request handlers use: the domain services, built once per app by createApp. */
import type { CaptureService } from '../capture/capture-service';
import type { EventVerdicts } from '../capture/event-verdicts';
import type { AppConfig } from '../config/config';
import type { CompanyPrefixMemory } from '../capture/company-prefix-memory';
import type { CompanyPrefixTable } from '../identifiers';
import type { JsonObject } from '../model/types';
import type { EventReader } from '../query/event-reader';
import type { QueryService } from '../query/query-service';
import type { EventStore } from '../store/event-store';
import type { PageTokenCodec } from './page-token';

export interface ContextAnalyser {
  (context: unknown, body?: JsonObject): Promise<{ namespaces: Record<string, string> }>;
}

export interface Services {
  config: AppConfig;
  store: EventStore;
  capture: CaptureService;
  reader: EventReader;
  /** Executes SimpleEventQuery pages (GET /events and every other events endpoint). */
  queries: QueryService;
  pageTokens: PageTokenCodec;
  /** GS1 Company Prefix lengths, for rendering Digital Links as EPC URNs (GS1-EPC-Format: Always_EPC_URN). */
  companyPrefixes: CompanyPrefixTable;
  /** Keeps `companyPrefixes` in step with the store: loads learned lengths, persists new ones (issue 5). */
  prefixMemory: CompanyPrefixMemory;
  analyseContext: ContextAnalyser;
  /** The event-check worker's verdicts for a JSON capture's raw body, when it validates that document's events. */
  eventChecks: (body: unknown) => EventVerdicts | undefined;
  /** Set once shutdown begins: new captures are refused with 503. */
  shuttingDown: boolean;
}

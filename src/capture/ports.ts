/** What the capture service needs from other layers, as structural types (implemented in src/validation). */
import type { ProblemBody } from '../model/types';

export interface EventValidator {
  /** Problems of an EPCISDocument or EPCISQueryDocument apart from its events' contents. */
  validateDocumentEnvelope(document: unknown): ProblemBody[];
  /** Problems of one event (schema and business rules); `standalone` for POST /events, where @context is required. */
  validateEvent(
    event: unknown,
    location: { index: number | null; pointer: string },
    options: { standalone: boolean },
  ): ProblemBody[];
}

export interface LogSink {
  info(object: object, message?: string): void;
  warn(object: object, message?: string): void;
  error(object: object, message?: string): void;
}

/**
 * Capture (EPCIS 2.0 REST binding POST /capture and POST /events; EPCIS-DIGEST §d; DESIGN.md "Capture"):
 * receive -> validate envelope -> (in the background, sharing the event loop) validate and prepare each event, while
 * the job is persisted and the 202 sent -> commit with the requested GS1-Capture-Error-Behaviour -> job finished.
 * `begin` starts the background work before `submit` (the XML path, during its schema validation); nothing is stored
 * before `submit` persists the job.
 */
import { randomUUID } from 'node:crypto';
import { EpcisError, validationError } from '../errors/epcis-errors';
import { problemType } from '../errors/error-table';
import type { CaptureErrorBehaviour, CaptureJobRecord, JsonObject, ProblemBody } from '../model/types';
import type { EventStore, JobOutcome } from '../store/event-store';
import type { EventWriteStatus, PreparedEvent } from '../store/stored-event';
import { documentParts } from './document-parts';
import type { EventVerdicts } from './event-verdicts';
import type { EventValidator, LogSink } from './ports';
import type { CaptureContext, EventPreparation } from './prepare-event';
import { prepareEvent } from './prepare-event';
import { TurnBudget } from './turn-budget';

export interface CaptureServiceDeps {
  store: EventStore;
  validator: EventValidator;
  preparation: EventPreparation;
  limits: { maxEvents: number };
  logger: LogSink;
  newCaptureId?: () => string;
}

export interface CaptureRequest {
  behaviour: CaptureErrorBehaviour;
  owner: string;
  namespaces: Record<string, string>;
  /** The events' verdicts from the event-check worker (event-check-pool.ts), when it validates them. */
  verdicts?: EventVerdicts | undefined;
  /**
   * The bytes of the JSON document, when `document` is JSON.parse of them (UTF-8, no byte order mark) and nothing
   * changes it: the store may keep them instead of each event's own text (CommitRequest.source).
   */
  json?: Uint8Array | undefined;
}

/** A document checked on receipt whose events are being validated and prepared (CaptureService.begin). */
export interface BegunCapture {
  document: JsonObject;
  captureID: string;
  parts: DocumentParts;
  checked: Promise<CheckedEvents>;
  /** The namespaces the events were prepared with (their query fields depend on them). */
  namespaces: Record<string, string>;
  cancel: () => void;
}

interface CheckedEvents {
  /** Problems of the invalid events. */
  invalid: ProblemBody[];
  /** The valid events, prepared, in document order, with their places in the event list. */
  prepared: PreparedEvent[];
  places: number[];
  /** Events whose verdict came from the event-check worker (the others were validated here). */
  workerVerdicts: number;
}

type DocumentParts = ReturnType<typeof documentParts>;

/** The JSON pointer of the event at `index` of a document's event list. */
const eventPointer = (parts: DocumentParts, index: number): string => `${parts.eventListPointer}/${index}`;

/** Longest `errors` list a job keeps; the rest are summarised in one last entry. */
const MAX_JOB_ERRORS = 1000;

const conflictProblem = (event: PreparedEvent, pointer: string): ProblemBody => ({
  type: problemType('ResourceAlreadyExistsException'),
  title: 'A different event with this eventID is already stored',
  status: 409,
  detail: `${pointer}: a different ${event.isErrorDeclaration ? 'error declaration' : 'event'} with eventID ${event.eventID} is already stored.`,
  instance: pointer,
});

function capErrors(errors: ProblemBody[]): ProblemBody[] {
  if (errors.length <= MAX_JOB_ERRORS) return errors;
  return [
    ...errors.slice(0, MAX_JOB_ERRORS),
    {
      type: problemType('ValidationException'),
      title: 'More errors',
      status: 400,
      detail: `${errors.length - MAX_JOB_ERRORS} more errors are not listed.`,
    },
  ];
}

export class CaptureService {
  private readonly inFlight = new Set<Promise<void>>();
  private readonly newCaptureId: () => string;

  /** How events are prepared for this store: without query fields when the store computes them as it writes. */
  private readonly preparation: EventPreparation;

  constructor(private readonly deps: CaptureServiceDeps) {
    this.newCaptureId = deps.newCaptureId ?? (() => randomUUID());
    const { queryFields: _computedByTheStore, ...withoutQueryFields } = deps.preparation;
    this.preparation = deps.store.queryFieldsOnWrite ? withoutQueryFields : deps.preparation;
  }

  /** Number of captures still being processed. */
  get pending(): number {
    return this.inFlight.size;
  }

  /**
   * Checks a document on receipt (envelope, limits: problems are thrown, 400/413) and starts validating and
   * preparing its events in the background, before it is submitted: the XML path does this while the document's
   * schema validation is still running in its worker, so that the two overlap. Nothing is stored; `cancel` stops
   * the work when the document is refused after all.
   */
  begin(document: JsonObject, request: CaptureRequest): BegunCapture {
    const verdicts = request.verdicts;
    let parts: DocumentParts;
    try {
      parts = this.receivedParts(document);
    } catch (error) {
      verdicts?.cancel();
      throw error;
    }
    verdicts?.expect(parts.events.length);
    const captureID = this.newCaptureId();
    const control = { cancelled: false };
    const context: CaptureContext = { owner: request.owner, namespaces: request.namespaces, captureID };
    const checked = this.checkEvents(parts, context, control, verdicts);
    checked.catch(() => undefined); // awaited by process(); a cancelled capture is never awaited
    return {
      document,
      captureID,
      parts,
      checked,
      namespaces: request.namespaces,
      cancel: () => {
        control.cancelled = true;
        verdicts?.cancel();
      },
    };
  }

  /** The document's parts once its envelope and size are accepted (problems thrown: 400, 413). */
  private receivedParts(document: JsonObject): DocumentParts {
    const envelopeProblems = this.deps.validator.validateDocumentEnvelope(document);
    if (envelopeProblems.length > 0) throw problemsToError(envelopeProblems);
    const parts = documentParts(document);
    if (parts.events.length > this.deps.limits.maxEvents)
      throw new EpcisError(
        'CaptureLimitExceededException',
        `The document has ${parts.events.length} events; at most ${this.deps.limits.maxEvents} are accepted per capture.`,
      );
    return parts;
  }

  /**
   * Accepts a document: problems found on receipt (envelope, limits) are thrown (400/413, nothing stored);
   * otherwise the job is persisted, processing goes on in the background, and the job is returned for the 202.
   * `begun`: the same document's `begin`, when the caller started it earlier.
   */
  async submit(document: JsonObject, request: CaptureRequest, begun?: BegunCapture): Promise<CaptureJobRecord> {
    const capture = begun?.document === document ? begun : this.begin(document, request);
    const job = this.newJob(request, capture.parts.events.length, capture.captureID);
    try {
      await this.deps.store.createJob(job);
    } catch (error) {
      capture.cancel();
      throw error;
    }
    const work = this.process(job, capture, request).finally(() => this.inFlight.delete(work));
    this.inFlight.add(work);
    return job;
  }

  /** POST /events: one event, captured synchronously. Returns its eventID and how the write went. */
  async captureOne(
    event: JsonObject,
    request: Omit<CaptureRequest, 'behaviour'>,
  ): Promise<{ stored: PreparedEvent; status: EventWriteStatus; recordTime: Date | null }> {
    const problems = this.deps.validator.validateEvent(event, { index: null, pointer: '' }, { standalone: true });
    if (problems.length > 0) throw problemsToError(problems);
    const { '@context': _context, ...content } = event;
    const job = this.newJob({ ...request, behaviour: 'rollback' }, 1);
    await this.deps.store.createJob(job);
    const stored = prepareEvent(content, { ...request, captureID: job.captureID }, this.preparation);
    const result = await this.deps.store.commitCapture({
      captureID: job.captureID,
      behaviour: 'rollback',
      events: [stored],
      namespaces: request.namespaces,
      vocabulary: [],
      decide: (statuses) => this.outcome([], [stored], () => '/', statuses),
    });
    return { stored, status: result.statuses[0] ?? 'conflict', recordTime: result.recordTime };
  }

  /** Waits for every capture in progress (graceful shutdown). */
  async drain(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  private newJob(request: CaptureRequest, eventCount: number, captureID = this.newCaptureId()): CaptureJobRecord {
    return {
      captureID,
      running: true,
      success: true,
      captureErrorBehaviour: request.behaviour,
      createdAt: new Date(),
      finishedAt: null,
      errors: [],
      owner: request.owner,
      eventCount,
      storedCount: 0,
      duplicateCount: 0,
    };
  }

  private outcome(
    invalid: ProblemBody[],
    events: PreparedEvent[],
    pointerOf: (i: number) => string,
    statuses: EventWriteStatus[],
  ): JobOutcome {
    const errors = [...invalid];
    statuses.forEach((status, i) => {
      if (status === 'conflict') errors.push(conflictProblem(events[i]!, pointerOf(i)));
    });
    return { success: errors.length === 0, errors: capErrors(errors) };
  }

  /**
   * Validates and prepares every event, giving the event loop a turn every few milliseconds (turn-budget.ts). With
   * `verdicts`, the worker validates the events and each one is prepared once its verdict has come; an event it
   * gives no verdict for is validated here.
   */
  private async checkEvents(
    parts: DocumentParts,
    context: CaptureContext,
    control: { cancelled: boolean },
    verdicts: EventVerdicts | undefined,
  ): Promise<CheckedEvents> {
    const { validator } = this.deps;
    const preparation = this.preparation;
    const checked: CheckedEvents = { invalid: [], prepared: [], places: [], workerVerdicts: 0 };
    const turns = new TurnBudget();
    const { events } = parts;
    try {
      // An indexed loop, and an event's JSON pointer made only when it is validated here: this runs for every event.
      for (let index = 0; index < events.length; index += 1) {
        for (let wait = verdicts?.pending(index); wait; wait = verdicts?.pending(index)) await wait;
        if (turns.spent()) await turns.yield();
        if (control.cancelled) break;
        const event = events[index]!;
        let problems = verdicts?.problemsOf(index);
        if (problems) checked.workerVerdicts += 1;
        else
          problems = validator.validateEvent(
            event,
            { index, pointer: eventPointer(parts, index) },
            { standalone: false },
          );
        if (problems.length > 0) {
          checked.invalid.push(...problems);
          continue;
        }
        checked.prepared.push(prepareEvent(event as JsonObject, context, preparation));
        checked.places.push(index);
      }
    } finally {
      this.endVerdicts(verdicts, context.captureID);
    }
    return checked;
  }

  /** Frees the worker of a job whose verdicts are no longer needed; says why a capture validated its events itself. */
  private endVerdicts(verdicts: EventVerdicts | undefined, captureID: string): void {
    if (!verdicts) return;
    const reason = verdicts.fallbackReason;
    verdicts.cancel();
    if (reason !== undefined)
      this.deps.logger.warn(
        { captureID, reason },
        'events validated in the capture thread: no verdicts from the worker',
      );
  }

  private async process(job: CaptureJobRecord, capture: BegunCapture, request: CaptureRequest): Promise<void> {
    const { store, logger } = this.deps;
    const parts = capture.parts;
    try {
      const { invalid, prepared, places, workerVerdicts } = await capture.checked;
      if (invalid.length > 0 && (request.behaviour === 'rollback' || prepared.length === 0)) {
        await store.failJob(job.captureID, capErrors(invalid));
        logger.info({ captureID: job.captureID, invalid: invalid.length }, 'capture rejected');
        return;
      }
      const result = await store.commitCapture({
        captureID: job.captureID,
        behaviour: request.behaviour,
        events: prepared,
        namespaces: capture.namespaces,
        vocabulary: parts.vocabulary,
        ...(request.json
          ? { source: { json: request.json, eventList: parts.eventListPointer, eventIndexes: places } }
          : {}),
        decide: (statuses) => this.outcome(invalid, prepared, (i) => eventPointer(parts, places[i]!), statuses),
      });
      logger.info(
        { captureID: job.captureID, events: parts.events.length, workerVerdicts, success: result.outcome.success },
        'capture finished',
      );
    } catch (error) {
      logger.error({ captureID: job.captureID, err: error }, 'capture failed');
      const problem: ProblemBody = {
        type: problemType('ImplementationException'),
        title: 'Internal server error',
        status: 500,
        detail: 'The capture could not be completed; no event of it was stored.',
      };
      await store.failJob(job.captureID, [problem]).catch((e: unknown) => {
        logger.error({ captureID: job.captureID, err: e }, 'could not record the capture failure');
      });
    }
  }
}

/** A receipt-time rejection: one 400 whose detail names every problem (the first 20). */
export function problemsToError(problems: ProblemBody[]): EpcisError {
  const details = problems.slice(0, 20).map((p) => p.detail ?? p.title);
  const more = problems.length > 20 ? ` (and ${problems.length - 20} more)` : '';
  return validationError(details.join('; ') + more, problems[0]?.instance ? { instance: problems[0].instance } : {});
}

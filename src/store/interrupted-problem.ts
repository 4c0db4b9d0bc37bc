/**
 * The job error recorded when start-up recovery finds a capture that a crash or restart interrupted before its
 * outcome was decided (DESIGN.md "Capture": recovery rolls every undecided capture back). Nothing of it is visible.
 */
import { EXCEPTIONS, problemType } from '../errors/error-table';
import type { ProblemBody } from '../model/types';

export function interruptedCaptureProblem(): ProblemBody {
  return {
    type: problemType('ImplementationException'),
    title: EXCEPTIONS.ImplementationException.title,
    status: EXCEPTIONS.ImplementationException.status,
    detail:
      'The capture was interrupted by a restart of the server before it completed; none of its events were stored. ' +
      'Submit the document again.',
  };
}

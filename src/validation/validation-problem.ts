/**
 * Builds the RFC 7807 bodies of validation failures (EPCIS 2.0 REST binding: 400 ValidationException), and turns
 * the first AJV error into a human-readable `detail` plus a JSON pointer (`instance`) into the request body.
 */
import type { ErrorObject } from 'ajv';
import { EXCEPTIONS, problemType } from '../errors/error-table';
import type { ProblemBody } from '../model/types';

/** Where a problem was found: `subject` names it in the detail ("event 3", "document"), `pointer` is its JSON pointer. */
export interface ProblemSubject {
  subject: string;
  pointer: string;
}

/** A failure relative to the validated value: `path` is a JSON pointer from that value ('' = the value itself). */
export interface Violation {
  path: string;
  message: string;
}

const MAX_SHOWN_PATH = 256;

export const escapePointerToken = (token: string): string => token.replace(/~/g, '~0').replace(/\//g, '~1');

export function validationProblem(at: ProblemSubject, violation: Violation): ProblemBody {
  const shown =
    violation.path === ''
      ? 'the ' + (at.subject.startsWith('event') ? 'event' : 'document')
      : violation.path.length > MAX_SHOWN_PATH
        ? `${violation.path.slice(0, MAX_SHOWN_PATH)}…`
        : violation.path;
  return {
    type: problemType('ValidationException'),
    title: EXCEPTIONS.ValidationException.title,
    status: EXCEPTIONS.ValidationException.status,
    detail: `${at.subject}: ${shown} ${violation.message}`,
    instance: at.pointer + violation.path,
  };
}

/** Keywords whose AJV message is more precise than the schema's description of the whole value. */
const SIZE_KEYWORDS = new Set(['maxItems', 'minItems', 'maxLength', 'minLength', 'maxProperties', 'uniqueItems']);

function describe(error: ErrorObject): string | undefined {
  const parent: unknown = error.parentSchema;
  if (parent && typeof parent === 'object' && 'description' in parent && typeof parent.description === 'string') {
    return parent.description;
  }
  return undefined;
}

/**
 * The error that decided the verdict. AJV (without allErrors) stops at the first failing keyword, so it is the last
 * error recorded; the errors before it come from failed anyOf branches. An `if` error only says "must match then",
 * so the error of the `then` branch recorded just before it is used instead.
 */
function decidingError(errors: readonly ErrorObject[]): ErrorObject | undefined {
  for (let i = errors.length - 1; i >= 0; i--) {
    const error = errors[i];
    if (error && error.keyword !== 'if') return error;
  }
  return undefined;
}

export function violationFromAjv(errors: readonly ErrorObject[] | null | undefined): Violation {
  const error = errors ? decidingError(errors) : undefined;
  if (!error) return { path: '', message: 'is not valid' };
  const path = error.instancePath;
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return { path: `${path}/${escapePointerToken(String(params['missingProperty']))}`, message: 'is required' };
    case 'propertyNames':
      return {
        path: `${path}/${escapePointerToken(String(params['propertyName']))}`,
        message: 'is neither a standard field here nor a URI/CURIE extension key (e.g. example:myField)',
      };
    case 'additionalProperties':
      return {
        path: `${path}/${escapePointerToken(String(params['additionalProperty']))}`,
        message: 'is not allowed here',
      };
    default: {
      const description = SIZE_KEYWORDS.has(error.keyword) ? undefined : describe(error);
      return { path, message: description ? `must be ${description}` : (error.message ?? 'is not valid') };
    }
  }
}

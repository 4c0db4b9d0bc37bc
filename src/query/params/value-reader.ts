/**
 * Typed reading of one query parameter value, from a URL query string (pipe-delimited lists, EPCIS-DIGEST §a
 * "Array query parameters") or from a named-query JSON body (lists are arrays). Every malformed value raises
 * QueryParameterException (EPCIS-DIGEST §b.3); nothing of the raw value ever reaches a filter untyped
 * (SECURITY-AND-PERFORMANCE-NOTES 1.2.11).
 */
import { queryParameterError } from '../../errors/epcis-errors';
import type { JsonValue } from '../../model/types';

export type RawValue = { source: 'url'; text: string } | { source: 'body'; json: JsonValue };

/** Guards against oversized queries (SECURITY-AND-PERFORMANCE-NOTES 1.2.15). */
export const MAX_LIST_VALUES = 1000;
export const MAX_VALUE_LENGTH = 4096;

/** RFC 3339 date-time with a mandatory offset (OpenAPI `format: date-time`). */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2})$/i;
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const INTEGER = /^\d{1,15}$/;

export function parseDateTime(text: string): Date | null {
  if (!DATE_TIME.test(text)) return null;
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? null : date;
}

export function parseDecimal(text: string): number | null {
  if (!DECIMAL.test(text)) return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

export class ValueReader {
  constructor(
    readonly name: string,
    private readonly raw: RawValue,
  ) {}

  fail(what: string): never {
    throw queryParameterError(`Query parameter ${this.name}: ${what}`);
  }

  private checkString(text: string): string {
    if (text.length === 0) this.fail('empty value');
    if (text.length > MAX_VALUE_LENGTH) this.fail(`value longer than ${MAX_VALUE_LENGTH} characters`);
    return text;
  }

  /** A list of strings: `a|b|c` in a URL, an array (or a single string) in a body. */
  list(): string[] {
    let items: string[];
    if (this.raw.source === 'url') {
      items = this.raw.text.split('|');
    } else {
      const json = this.raw.json;
      const array = Array.isArray(json) ? json : [json];
      items = array.map((item) =>
        typeof item === 'string' ? item : typeof item === 'number' ? String(item) : this.fail('expected strings'),
      );
    }
    if (items.length === 0) this.fail('empty list');
    if (items.length > MAX_LIST_VALUES) this.fail(`more than ${MAX_LIST_VALUES} values`);
    return items.map((item) => this.checkString(item));
  }

  /** A single string (form style). */
  string(): string {
    if (this.raw.source === 'url') return this.checkString(this.raw.text);
    return typeof this.raw.json === 'string' ? this.checkString(this.raw.json) : this.fail('expected a string');
  }

  private scalarText(): string {
    if (this.raw.source === 'url') return this.raw.text;
    const json = this.raw.json;
    if (typeof json === 'string' || typeof json === 'number' || typeof json === 'boolean') return String(json);
    return this.fail('expected a single value');
  }

  time(): Date {
    return parseDateTime(this.scalarText()) ?? this.fail('expected a date-time with a time zone offset');
  }

  number(): number {
    return parseDecimal(this.scalarText()) ?? this.fail('expected a number');
  }

  numberList(): number[] {
    return this.list().map((item) => parseDecimal(item) ?? this.fail(`"${item}" is not a number`));
  }

  integer(min: number): number {
    const text = this.scalarText();
    const value = INTEGER.test(text) ? Number(text) : NaN;
    if (!(value >= min)) this.fail(`expected an integer >= ${min}`);
    return value;
  }

  boolean(): boolean {
    const text = this.scalarText();
    if (text === 'true') return true;
    if (text === 'false') return false;
    return this.fail('expected true or false');
  }

  /** A number or a date-time, for GT_/GE_/LT_/LE_ on extension fields (EPCIS-DIGEST §b.2). */
  numberOrTime(): number | Date {
    const text = this.scalarText();
    return parseDateTime(text) ?? parseDecimal(text) ?? this.fail('expected a number or a date-time');
  }

  /** EXISTS_ parameters: the value is ignored, except that `false` on EXISTS_errorDeclaration disables it. */
  flag(): boolean {
    if (this.raw.source === 'url') return this.raw.text !== 'false';
    return this.raw.json !== false && this.raw.json !== 0;
  }
}

/**
 * Nesting-depth limit, checked with an explicit stack (no recursion) BEFORE any recursive code sees the value.
 * MongoDB stores at most 100 levels of nesting and recursive libraries overflow on deep input
 * (SECURITY-AND-PERFORMANCE-NOTES 1.2.13 and 1.2.16). Standard EPCIS structures need fewer than 8 levels; the rest
 * of the budget is for extension values.
 */
import { escapePointerToken } from './validation-problem';
import type { Violation } from './validation-problem';

/** Maximum nesting of objects and arrays within one event or one document envelope (the value itself is level 1). */
export const MAX_NESTING_DEPTH = 64;

/**
 * Returns a violation at the first value nested deeper than `limit`, or null. `skip` values (e.g. the eventList
 * of a document, whose events are checked one by one) are not entered.
 */
interface Frame {
  value: object;
  depth: number;
  key: string;
  parent: Frame | null;
}

function pointerOf(frame: Frame): string {
  const tokens: string[] = [];
  for (let f: Frame | null = frame; f && f.parent; f = f.parent) tokens.push(escapePointerToken(f.key));
  return tokens
    .reverse()
    .map((t) => `/${t}`)
    .join('');
}

export function nestingDepthViolation(
  value: unknown,
  limit: number = MAX_NESTING_DEPTH,
  skip: ReadonlySet<unknown> = NOTHING,
): Violation | null {
  if (typeof value !== 'object' || value === null) return null;
  // Every capture checks every event: a first pass without allocation, the located one only when too deep.
  return withinDepth(value, limit, skip) ? null : locateTooDeep(value, limit, skip);
}

const NOTHING: ReadonlySet<unknown> = new Set();

/** Whether nothing (outside `skip`) nests deeper than `limit`; explicit stacks of values and depths. */
export function withinDepth(value: object, limit: number, skip: ReadonlySet<unknown> = NOTHING): boolean {
  const values: object[] = [value];
  const depths: number[] = [1];
  const skipping = skip.size > 0;
  while (values.length > 0) {
    const node = values.pop()!;
    const depth = depths.pop()!;
    if (skipping && skip.has(node)) continue;
    if (depth > limit) return false;
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        const child: unknown = node[i];
        if (typeof child === 'object' && child !== null) {
          values.push(child);
          depths.push(depth + 1);
        }
      }
    } else {
      const record = node as Record<string, unknown>;
      for (const key in record) {
        if (!Object.hasOwn(record, key)) continue;
        const child = record[key];
        if (typeof child === 'object' && child !== null) {
          values.push(child);
          depths.push(depth + 1);
        }
      }
    }
  }
  return true;
}

/** The violation at the first value nested deeper than `limit` (a value known to have one). */
function locateTooDeep(value: object, limit: number, skip: ReadonlySet<unknown>): Violation | null {
  const stack: Frame[] = [{ value, depth: 1, key: '', parent: null }];
  for (let frame = stack.pop(); frame; frame = stack.pop()) {
    if (skip.has(frame.value)) continue;
    if (frame.depth > limit) {
      return {
        path: pointerOf(frame),
        message: `is nested too deeply (more than ${limit} levels of objects and arrays)`,
      };
    }
    const depth = frame.depth + 1;
    if (Array.isArray(frame.value)) {
      const items: unknown[] = frame.value;
      for (let i = 0; i < items.length; i++) {
        const child = items[i];
        if (typeof child === 'object' && child !== null)
          stack.push({ value: child, depth, key: String(i), parent: frame });
      }
    } else {
      for (const [key, child] of Object.entries(frame.value)) {
        if (typeof child === 'object' && child !== null)
          stack.push({ value: child as object, depth, key, parent: frame });
      }
    }
  }
  return null;
}

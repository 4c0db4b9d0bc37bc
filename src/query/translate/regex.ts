/**
 * Prefix matching without ever turning user input into a regular expression (SECURITY-AND-PERFORMANCE-NOTES
 * 1.2.14): every character with a meaning in a regular expression is escaped, and the result is `^`-anchored
 * (so MongoDB can use an index). Ranges serve single-valued fields only: on an array, MongoDB (and mingo) may
 * satisfy `$gte` and `$lt` with two different elements, and FerretDB has no `$elemMatch` to tie them together.
 */
export const escapeRegex = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export const prefixRegex = (prefix: string): { $regex: string } => ({ $regex: `^${escapeRegex(prefix)}` });

/** `[prefix, successor)`: every string that starts with `prefix` (code unit order, as MongoDB for ASCII). */
export function prefixRange(prefix: string): { $gte: string; $lt: string } {
  const last = prefix.charCodeAt(prefix.length - 1);
  return { $gte: prefix, $lt: prefix.slice(0, -1) + String.fromCharCode(last + 1) };
}

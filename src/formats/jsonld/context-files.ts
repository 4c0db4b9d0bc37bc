/**
 * Where the project's context documents live (`schemas/contexts/`, beside `src/`). Found by walking up from this
 * file, so it works from `src/` (tsx) and from `dist/src/` (compiled) alike.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';

export const CONTEXTS_RELATIVE_DIR = path.join('schemas', 'contexts');

export function contextsDirectory(start: string = __dirname): string {
  let dir = start;
  for (let level = 0; level < 8; level += 1) {
    const candidate = path.join(dir, CONTEXTS_RELATIVE_DIR);
    if (existsSync(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  throw new Error(`${CONTEXTS_RELATIVE_DIR} not found above ${start}`);
}

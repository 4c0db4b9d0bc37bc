/**
 * The production build as `npm start` makes it (`tsc -p tsconfig.build.json`), compiled into a directory of its own
 * beside links to node_modules and schemas: what the compiled code finds beside dist/ in a checkout.
 */
import { execFileSync } from 'node:child_process';
import { symlinkSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');

/** Builds into `dir`/dist and returns that directory. `stdio`: where tsc's output goes. */
export function buildProductionInto(dir: string, stdio: 'pipe' | 'inherit' = 'pipe'): string {
  const outDir = path.join(dir, 'dist');
  execFileSync(
    process.execPath,
    [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json', '--outDir', outDir],
    {
      cwd: ROOT,
      stdio,
    },
  );
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  symlinkSync(path.join(ROOT, 'schemas'), path.join(dir, 'schemas'), 'dir');
  return outDir;
}

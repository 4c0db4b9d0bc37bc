/**
 * One embedded store per data directory: two writers appending to one journal would interleave records and
 * corrupt it. The lock is a file created exclusively holding the owner's pid; a lock left by a process that no
 * longer runs (a crash) is taken over.
 */
import { openSync, readFileSync, rmSync, writeSync, closeSync } from 'node:fs';
import path from 'node:path';

export const LOCK_FILE = 'epcis-journal.lock';

/** Directories locked by stores of this process (a pid check cannot tell them apart). */
const heldHere = new Set<string>();

function processRuns(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the lock of `dataDir` (which must exist); returns its release. */
export function lockDataDir(dataDir: string): () => void {
  const file = path.join(path.resolve(dataDir), LOCK_FILE);
  if (heldHere.has(file)) throw new Error(`${dataDir} is already open by another embedded store of this process`);
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      heldHere.add(file);
      return () => {
        heldHere.delete(file);
        rmSync(file, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const owner = Number.parseInt(readFileSync(file, 'utf8'), 10);
    if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && processRuns(owner)) {
      throw new Error(`${dataDir} is in use by another running process (pid ${owner}); one store per data directory`);
    }
    rmSync(file, { force: true }); // left by a process that is gone (or by this one, released without cleanup)
  }
  throw new Error(`Could not lock ${dataDir}`);
}

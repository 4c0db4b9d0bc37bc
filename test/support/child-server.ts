/**
 * Runs the real entry point as a child process, for crash and shutdown tests: src/main.ts under tsx, or another
 * entry (`entry`: e.g. the compiled dist/src/main.js, run from its own directory).
 */
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import path from 'node:path';

export interface ChildServer {
  process: ChildProcess;
  baseUrl: string;
  output: () => string;
}

const ROOT = path.resolve(__dirname, '..', '..');

export interface ChildEntry {
  /** Node's arguments: flags and the script. */
  args: string[];
  cwd: string;
}

const TSX_ENTRY: ChildEntry = { args: ['--import', 'tsx', path.join(ROOT, 'src', 'main.ts')], cwd: ROOT };

export async function startChildServer(
  env: Record<string, string>,
  timeoutMs = 60_000,
  entry: ChildEntry = TSX_ENTRY,
): Promise<ChildServer> {
  const child = spawn(process.execPath, entry.args, {
    cwd: entry.cwd,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      for (const line of output.split('\n')) {
        if (!line.includes('"listening"')) continue;
        const port = (JSON.parse(line) as { port: number }).port;
        clearTimeout(timer);
        resolve({ process: child, baseUrl: `http://127.0.0.1:${port}`, output: () => output });
        return;
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
}

export function killHard(server: ChildServer): Promise<void> {
  return new Promise((resolve) => {
    if (server.process.exitCode !== null || server.process.signalCode !== null) return resolve();
    server.process.once('exit', () => resolve());
    server.process.kill('SIGKILL');
  });
}

export function stopGracefully(server: ChildServer): Promise<number | null> {
  return new Promise((resolve) => {
    server.process.once('exit', (code) => resolve(code));
    server.process.kill('SIGTERM');
  });
}

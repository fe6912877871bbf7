// Runs the real `pamong` command as a child process, for tests of what a deployer sees.
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

const bin = path.resolve('bin/pamong.mjs');

export interface Proc {
  child: ChildProcess;
  output(): string;
  exited: Promise<number | null>;
}

export function runPamong(args: string[], env: Record<string, string | undefined>): Proc {
  const child = spawn(process.execPath, [bin, ...args], {
    env: { ...process.env, LOG_LEVEL: 'warn', PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d) => (out += d));
  child.stderr?.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => out, exited };
}

/** Waits until the server prints its URL; returns it. */
export async function waitForUrl(p: Proc, timeoutMs = 90_000): Promise<string> {
  const started = Date.now();
  for (;;) {
    const m = p.output().match(/is running at (http:\/\/\S+)/);
    if (m) return m[1]!;
    if (p.child.exitCode !== null) throw new Error(`server exited early:\n${p.output()}`);
    if (Date.now() - started > timeoutMs) throw new Error(`server did not start:\n${p.output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

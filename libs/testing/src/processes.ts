import { ChildProcess, spawn } from 'node:child_process';
import { AddressInfo, createServer } from 'node:net';
import path from 'node:path';
import { REPO_ROOT } from './repo-root';

/** An app of the platform as a real process, from the dist build (so a test can SIGKILL it). */
export class AppProcess {
  private child: ChildProcess | null = null;
  output = '';

  constructor(
    private readonly app: 'worker' | 'gateway',
    private readonly env: Record<string, string>,
  ) {}

  start(): void {
    this.child = spawn(process.execPath, [path.join(REPO_ROOT, `dist/apps/${this.app}/src/main.js`)], {
      env: { ...process.env, LOG_LEVEL: 'warn', ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child.stdout?.on('data', (d) => (this.output += d));
    this.child.stderr?.on('data', (d) => (this.output += d));
  }

  /**
   * Waits until the app answers ready at `url` (gateway: GATEWAY_PORT, worker: WORKER_HTTP_PORT); fails
   * at once, with what it printed, if it exits first. Generous by default: a loaded machine boots slowly.
   */
  async ready(url: string, timeoutMs = 90_000): Promise<void> {
    const child = this.child;
    const exited = () => !child || child.exitCode !== null || child.signalCode !== null;
    await waitUntil(() => exited() || fetch(`${url}/health/ready`).then((r) => r.ok, () => false), timeoutMs, `the ${this.app} ready at ${url}`).catch((err: Error) => {
      throw new Error(`${err.message}\n${this.output}`);
    });
    if (exited()) throw new Error(`the ${this.app} exited before it was ready (${child?.exitCode ?? child?.signalCode})\n${this.output}`);
  }

  kill(signal: NodeJS.Signals): Promise<number | null> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child?.exitCode ?? null);
    return new Promise((resolve) => {
      child.once('exit', (code) => resolve(code));
      child.kill(signal);
    });
  }
}

export async function waitUntil(check: () => Promise<boolean> | boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** A port free on loopback now, for a server a test starts: never a fixed one, other tests run beside it. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

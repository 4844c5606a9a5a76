import type { Logger } from '@cpts/platform-observability';

/** The period of the retention passes (old clicks, old outbox emails). */
export const HOUR_MS = 3_600_000;

/**
 * A task the worker runs at once and then every interval (the reconcilers):
 * never two runs at once, a failure logged and retried at the next tick,
 * and stop() waits for the run in progress.
 */
export class Periodic {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;

  constructor(
    private readonly name: string,
    private readonly task: () => Promise<unknown>,
    private readonly logger: Logger,
  ) {}

  /** `runNow: false`: the first run one interval from now (a pass whose result keeps across restarts). */
  start(intervalMs: number, options: { runNow?: boolean } = {}): void {
    this.timer = setInterval(() => void this.run(), intervalMs);
    this.timer.unref();
    if (options.runNow ?? true) void this.run();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  private run(): Promise<unknown> {
    this.running ??= this.task()
      .catch((err) => this.logger.error({ err }, `${this.name} failed`))
      .finally(() => (this.running = null));
    return this.running;
  }
}

/** A dependency the process needs to serve: the database, Redis... */
export interface HealthCheck {
  name: string;
  check(): Promise<void>;
}

export interface HealthReport {
  status: 'ok' | 'error';
  checks: Record<string, { status: 'ok' | 'error'; error?: string; ms: number }>;
}

/** Runs every readiness check with a time limit; never throws. */
export async function checkReadiness(checks: HealthCheck[], timeoutMs = 2000): Promise<HealthReport> {
  const report: HealthReport = { status: 'ok', checks: {} };
  await Promise.all(
    checks.map(async ({ name, check }) => {
      const started = performance.now();
      let timer: NodeJS.Timeout | undefined;
      try {
        await Promise.race([
          check(),
          new Promise((_, reject) => {
            timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms`)), timeoutMs);
          }),
        ]);
        report.checks[name] = { status: 'ok', ms: Math.round(performance.now() - started) };
      } catch (err) {
        report.status = 'error';
        report.checks[name] = { status: 'error', error: (err as Error).message, ms: Math.round(performance.now() - started) };
      } finally {
        clearTimeout(timer);
      }
    }),
  );
  return report;
}

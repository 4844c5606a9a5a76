import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Browser, BrowserContext, chromium, Page } from 'playwright-core';
import { AppProcess, freePort, SmtpSink, TestData, waitUntil } from '@cpts/testing';
import { chunkJobs } from '@cpts/mailing';
import { createRedis, QueueProducer, QUEUES } from '@cpts/platform-queue';

const root = path.resolve(__dirname, '../../..');
export const WEB_DIST = process.env.WEB_DIST ?? path.join(root, 'apps/web/dist');
export const SCREENSHOTS = path.join(root, 'test-output/screenshots');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface Stack {
  /** Where the browser goes: the gateway serving the built app. */
  url: string;
  sink: SmtpSink;
  data: TestData;
  browser: Browser;
  /** The end of what the gateway and the worker printed, for failure messages. */
  logs(): string;
  close(): Promise<void>;
}

/**
 * The real platform for the browser: the gateway (serving apps/web/dist) and
 * the worker as processes from dist/, an in-process SMTP sink, a fresh database
 * (jest global setup) and Debian's Chromium.
 */
export async function startStack(): Promise<Stack> {
  if (!existsSync(path.join(WEB_DIST, 'index.html'))) throw new Error('apps/web/dist is missing: run `npm run build:web` first (npm test does).');
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install chromium (npm test does it when run as root).`);
  const sink = new SmtpSink();
  const smtpPort = await sink.start();
  const gatewayPort = await freePort();
  const gatewayUrl = `http://localhost:${gatewayPort}`;
  const env = {
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}?tls=off`,
    GATEWAY_PORT: String(gatewayPort),
    WORKER_HTTP_PORT: '0',
    WEB_DIST_DIR: WEB_DIST,
    // Each browser context sends its own X-Forwarded-For: distinct clients for the per-IP sign-in limits.
    TRUST_PROXY: 'true',
    LOG_LEVEL: 'warn',
  };
  const processes: AppProcess[] = [];
  const ready = async () => (await fetch(`${gatewayUrl}/health/ready`).catch(() => null))?.ok ?? false;

  const url = gatewayUrl;
  const gateway = new AppProcess('gateway', { ...env, APP_URL: url });
  gateway.start();
  await waitUntil(async () => gateway.output.includes('failed to start') || (await ready()), 30_000, 'the gateway');
  if (!(await ready())) throw new Error(`gateway did not start:\n${gateway.output}`);
  processes.push(gateway);
  const worker = new AppProcess('worker', { ...env, APP_URL: url });
  worker.start();
  processes.push(worker);

  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const data = new TestData();
  // Not emptied here: several spec files add to it (npm test empties it first).
  mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    url,
    sink,
    data,
    browser,
    logs: () => processes.map((p, i) => `--- ${i === 0 ? 'gateway' : 'worker'} output (end) ---\n${p.output.slice(-3000)}`).join('\n'),
    async close() {
      await browser.close().catch(() => undefined);
      for (const p of processes) await p.kill('SIGTERM');
      await sink.stop();
      await data.close();
    },
  };
}

let clientNumber = 0;

/** A fresh browser profile (no cookies), as a distinct client. */
export async function newPage(stack: Stack): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  clientNumber += 1;
  const context = await stack.browser.newContext({
    baseURL: stack.url,
    viewport: { width: 1280, height: 900 },
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    // No transitions (the app respects it): axe then checks a modal as it ends, not half faded in.
    reducedMotion: 'reduce',
    extraHTTPHeaders: { 'x-forwarded-for': `198.51.100.${clientNumber}` },
  });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  return { context, page, errors };
}

/**
 * Runs a browser scenario in a fresh profile; on failure, saves a
 * screenshot of where it stood (test-output/screenshots/FAILED-...png).
 */
export async function scenario(stack: Stack, name: string, fn: (page: Page, context: BrowserContext) => Promise<void>): Promise<void> {
  const { context, page, errors } = await newPage(stack);
  try {
    await fn(page, context);
    if (errors.length) throw new Error(`uncaught errors in the page: ${errors.join('; ')}`);
  } catch (err) {
    await page.screenshot({ path: path.join(SCREENSHOTS, `FAILED-${slug(name)}.png`), fullPage: true }).catch(() => undefined);
    if (err instanceof Error) err.message += `\n${stack.logs()}`;
    throw err;
  } finally {
    await context.close();
  }
}

const slug = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-zA-Z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[]; failureSummary?: string }>;
}

/** axe-core on the page as it stands: no serious or critical violation. */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  await page.addScriptTag({ content: AXE_SOURCE });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }));
  });
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (bad.length) {
    const detail = bad.map((v) => `[${v.impact}] ${v.id} (${v.help}): ${v.nodes.map((n) => `${n.target.join(' ')} — ${n.failureSummary ?? ''}`).join(' | ')}`).join('\n');
    throw new Error(`accessibility violations on "${screen}":\n${detail}`);
  }
}

/** Checks the screen with axe, then saves it at desktop (1280 px) and phone (375 px) widths. */
export async function checkScreen(page: Page, screen: string): Promise<void> {
  // Best effort: each test has already waited for the content it checks. A fresh-clone run once timed out here (15 s) on
  // the draft campaign page, whose content was all there; no request of the app's was found that could keep it busy.
  await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => undefined);
  await page.locator('[aria-busy="true"]').first().waitFor({ state: 'detached', timeout: 10_000 }).catch(() => undefined);
  await expectAccessible(page, screen);
  const original = page.viewportSize() ?? { width: 1280, height: 900 };
  for (const [width, height] of [
    [1280, 900],
    [375, 812],
  ]) {
    await page.setViewportSize({ width, height });
    await page.waitForTimeout(150);
    if (width === 375) await expectAccessible(page, `${screen} (375 px)`);
    await page.screenshot({ path: path.join(SCREENSHOTS, `${slug(screen)}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize(original);
}

export const PASSWORD = 'mot de passe de test';

/** Signs in through the form and waits to leave the sign-in page. */
export async function signIn(page: Page, email: string, password = PASSWORD): Promise<void> {
  await page.goto('/connexion');
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByRole('textbox', { name: 'Mot de passe', exact: true }).fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/connexion'));
}

/** The link of the last email sent to `to` that matches `pattern`. */
export async function linkFromMail(sink: SmtpSink, to: string, pattern: RegExp): Promise<string> {
  await sink.waitFor((messages) => messages.some((m) => m.to.includes(to.toLowerCase()) && pattern.test(m.text)), 30_000);
  const mail = sink.to(to).filter((m) => pattern.test(m.text)).pop()!;
  return mail.text.match(pattern)![0];
}

/**
 * Queues the chunk jobs of a campaign written by SQL (TestData.campaign), as
 * the dispatcher does after the send command: the stack's worker sends it.
 */
export async function queueCampaign(data: TestData, tenantId: string, campaignId: string): Promise<void> {
  const { rows } = await data.inTenant(tenantId, (db) =>
    db.query(`SELECT DISTINCT chunk FROM campaign_deliveries WHERE tenant_id = $1 AND campaign_id = $2 AND state = 'pending'`, [tenantId, campaignId]),
  );
  const redis = createRedis(process.env.REDIS_URL as string, 'client');
  const producer = new QueueProducer(redis, process.env.REDIS_PREFIX as string);
  try {
    await producer.queue(QUEUES.campaignDelivery).addBulk(chunkJobs(tenantId, campaignId, rows.map((r: { chunk: string }) => r.chunk)));
  } finally {
    await producer.close();
    redis.disconnect();
  }
}

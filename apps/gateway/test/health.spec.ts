import { startGateway } from '../src/gateway';
import { Harness, startHarness } from './harness';

describe('gateway operations endpoints', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  it('answers liveness and readiness with the state of PostgreSQL and Redis', async () => {
    expect(await (await fetch(`${h.gateway.url}/health/live`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${h.gateway.url}/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ok', checks: { database: { status: 'ok' }, redis: { status: 'ok' } } });
  });

  it('exposes Prometheus metrics, request durations included', async () => {
    await h.client().request('{ __typename }');
    const text = await (await fetch(`${h.gateway.url}/metrics`)).text();
    expect(text).toContain('# TYPE http_request_duration_seconds histogram');
    expect(text).toContain('graphql_operation_duration_seconds');
    expect(text).toContain('process_resident_memory_bytes');
  });

  it('refuses to start when its database role could bypass row-level security', async () => {
    const runtimeUrl = process.env.DATABASE_URL;
    try {
      process.env.DATABASE_URL = process.env.DATABASE_ADMIN_URL?.replace(/\/[^/]*$/, `/${new URL(runtimeUrl as string).pathname.slice(1)}`);
      await expect(startGateway()).rejects.toThrow(/Refusing to start: database role "postgres" is a superuser/);
      process.env.DATABASE_URL = process.env.MIGRATION_DATABASE_URL;
      await expect(startGateway()).rejects.toThrow(/Refusing to start: database role "cpts_owner" owns/);
    } finally {
      process.env.DATABASE_URL = runtimeUrl;
    }
  });
});

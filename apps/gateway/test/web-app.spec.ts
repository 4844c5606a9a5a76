import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Harness, startHarness } from './harness';

describe('the gateway serving the built web app', () => {
  let h: Harness;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'cpts-web-'));
    mkdirSync(path.join(dir, 'assets'));
    writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>CPTS</title><div id="root"></div>');
    writeFileSync(path.join(dir, 'assets/index-abc123.js'), 'console.log("app")');
    process.env.WEB_DIST_DIR = dir;
    h = await startHarness();
  });
  afterAll(async () => {
    delete process.env.WEB_DIST_DIR;
    await h?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves index.html at / and for client-side routes, never cached', async () => {
    for (const route of ['/', '/annuaire', '/annuaire/123?q=dupont', '/invitation']) {
      const res = await fetch(`${h.gateway.url}${route}`, { headers: { accept: 'text/html' } });
      expect({ route, status: res.status }).toEqual({ route, status: 200 });
      expect(res.headers.get('content-type')).toContain('text/html');
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(await res.text()).toContain('<div id="root">');
    }
  });

  it('serves hashed assets with a long cache, and 404 for a missing file', async () => {
    const asset = await fetch(`${h.gateway.url}/assets/index-abc123.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toContain('javascript');
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect((await fetch(`${h.gateway.url}/assets/missing-999.js`)).status).toBe(404);
  });

  it('still answers GraphQL and health next to the app', async () => {
    expect((await h.client().request('{ __typename }')).data).toEqual({ __typename: 'Query' });
    expect((await fetch(`${h.gateway.url}/health/live`)).status).toBe(200);
  });
});

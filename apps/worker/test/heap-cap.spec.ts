import { readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '../../..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');

/**
 * The worker's heap cap (docs/performance.md, session 14): without one, V8
 * grows the heap lazily towards gigabytes over successive imports. Wherever
 * the worker is started for real it gets the same cap, and the performance
 * notes name the value they measured.
 */
describe('the worker heap cap', () => {
  it('is one value in docker-compose.yml, npm start, the Dockerfile and docs/performance.md', () => {
    const cap = /"node", "--max-old-space-size=(\d+)", "dist\/apps\/worker\/src\/main\.js"/.exec(read('docker-compose.yml'))?.[1];
    expect(cap).toMatch(/^\d+$/);
    const flag = `--max-old-space-size=${cap}`;
    expect(read('scripts/start.sh')).toMatch(new RegExp(`^node ${flag} dist/apps/worker/src/main\\.js`, 'm'));
    expect(read('Dockerfile')).toContain(`node ${flag} dist/apps/worker/src/main.js`);
    expect(read('docs/performance.md')).toContain(flag);
  });
});

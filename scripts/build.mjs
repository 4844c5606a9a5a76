// Transpiles the TypeScript of apps/gateway, apps/worker, apps/migrator, libs,
// bench and infra into dist/ (same layout), with swc. Type checking is `tsc`'s
// job (npm run typecheck); this only emits, so it takes a second or two.
import { createRequire } from 'node:module';
import { copyFile, mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

const require = createRequire(import.meta.url);
const swc = require('@swc/core');
const { root, swcOptions } = require('./swc-options.cjs');

const sources = ['apps/gateway', 'apps/worker', 'apps/migrator', 'libs', 'bench', 'infra/smtp-sink'];
const outDir = path.join(root, 'dist');

async function* walk(dir) {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (err) {
    if (err.code === 'ENOENT') return;
    throw err;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules') yield* walk(full);
    } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') && !entry.name.endsWith('.spec.ts')) {
      yield full;
    } else if (/\.(csv|sql|json)$/.test(entry.name) && full.includes(`${path.sep}src${path.sep}`)) {
      yield full; // runtime assets (reference data, SQL) travel with the code
    }
  }
}

const started = Date.now();
let count = 0;
const options = swcOptions();
const jobs = [];
for (const dir of sources) {
  for await (const file of walk(path.join(root, dir))) {
    const rel = path.relative(root, file);
    if (!file.endsWith('.ts')) {
      const copyTarget = path.join(outDir, rel);
      jobs.push(mkdir(path.dirname(copyTarget), { recursive: true }).then(() => copyFile(file, copyTarget)));
      continue;
    }
    const target = path.join(outDir, rel.replace(/\.ts$/, '.js'));
    jobs.push(
      swc.transformFile(file, { ...options, filename: file, outputPath: target, sourceFileName: path.relative(path.dirname(target), file) }).then(async (out) => {
        await mkdir(path.dirname(target), { recursive: true });
        await writeFile(target, `${out.code}\n//# sourceMappingURL=${path.basename(target)}.map\n`);
        if (out.map) await writeFile(`${target}.map`, out.map);
        count += 1;
      }),
    );
  }
}
await Promise.all(jobs);
console.log(`build: ${count} files transpiled to dist/ in ${Date.now() - started} ms`);

// Every key the code uses exists in French, and French and English have the same keys.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const src = path.join(path.dirname(fileURLToPath(import.meta.url)), '../src');
// A language's main file and its parts loaded with their pages (fr.calls.json: i18n/calls.ts), merged.
const locales = path.join(src, 'i18n/locales');
const merge = (a, b) => {
  for (const [k, v] of Object.entries(b)) a[k] = typeof v === 'object' && typeof a[k] === 'object' ? merge({ ...a[k] }, v) : v;
  return a;
};
const load = (lng) =>
  readdirSync(locales)
    .filter((f) => f === `${lng}.json` || (f.startsWith(`${lng}.`) && f.endsWith('.json')))
    .sort()
    .reduce((all, f) => merge(all, JSON.parse(readFileSync(path.join(locales, f), 'utf8'))), {});
const flatten = (obj, prefix = '') =>
  Object.entries(obj).flatMap(([k, v]) => (typeof v === 'object' ? flatten(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
const fr = new Set(flatten(load('fr')));
const en = new Set(flatten(load('en')));
const problems = [];
for (const k of fr) if (!en.has(k)) problems.push(`missing in en: ${k}`);
for (const k of en) if (!fr.has(k)) problems.push(`missing in fr: ${k}`);

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) {
      if (name !== 'gql') yield* files(full);
    } else if (/\.tsx?$/.test(name)) yield full;
  }
}
const has = (key) => fr.has(key) || fr.has(`${key}_one`) || [...fr].some((k) => k.startsWith(`${key}.`));
for (const file of files(src)) {
  const text = readFileSync(file, 'utf8');
  for (const m of text.matchAll(/\bt\(\s*'([a-zA-Z0-9_.]+)'/g)) {
    if (!has(m[1])) problems.push(`${path.relative(src, file)}: unknown key ${m[1]}`);
  }
  for (const m of text.matchAll(/\bt\(\s*`([a-zA-Z0-9_.]+)\.\$\{/g)) {
    if (!has(m[1])) problems.push(`${path.relative(src, file)}: unknown key prefix ${m[1]}`);
  }
}
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log(`i18n: ${fr.size} keys, French and English complete`);

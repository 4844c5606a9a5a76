import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';

/**
 * What the manifest test needs of Kustomize, without kustomize: resources
 * (files and bases), configMapGenerator (envs, files, literals; create, merge,
 * replace), images, replicas, namespace, labels and JSON 6902 patches. A field
 * or a patch form it does not know fails the build, so the overlay cannot
 * outgrow what the test checks. Generated names keep no hash suffix.
 */

export const repoRoot = path.resolve(__dirname, '../../../..');
export const k8sRoot = path.join(repoRoot, 'infra/k8s');

export type Manifest = { apiVersion: string; kind: string; metadata: { name: string; [key: string]: any }; [key: string]: any };

export interface Build {
  resources: Manifest[];
  /** Every file a kustomization of the build names (kustomization.yaml files included). */
  files: Set<string>;
}

const KNOWN_FIELDS = new Set(['apiVersion', 'kind', 'resources', 'labels', 'configMapGenerator', 'images', 'replicas', 'namespace', 'patches']);

export function parseYamlFile(file: string): any[] {
  const docs = parseAllDocuments(readFileSync(file, 'utf8'));
  for (const doc of docs) if (doc.errors.length) throw new Error(`${file}: ${doc.errors.map((e) => e.message).join('; ')}`);
  return docs.map((doc) => doc.toJS()).filter((value) => value != null);
}

export function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

/** KEY=VALUE lines as Kustomize reads an env file: comments and blank lines skipped, the value as written. */
export function parseEnvFile(file: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const text = line.trimStart();
    if (!text || text.startsWith('#')) continue;
    const at = text.indexOf('=');
    if (at < 1) throw new Error(`${file}: not KEY=VALUE: ${line}`);
    out[text.slice(0, at)] = text.slice(at + 1);
  }
  return out;
}

export function build(dir: string): Build {
  const file = path.join(dir, 'kustomization.yaml');
  const [k] = parseYamlFile(file);
  const unknown = Object.keys(k).filter((key) => !KNOWN_FIELDS.has(key));
  if (unknown.length) throw new Error(`${file}: ${unknown.join(', ')} unknown to the test's resolver (teach it, or keep the overlay simple)`);
  const files = new Set([file]);
  const need = (name: string) => {
    const full = path.resolve(dir, name);
    if (!existsSync(full)) throw new Error(`${file} names ${name}, which does not exist`);
    return full;
  };
  const resources: Manifest[] = [];
  for (const entry of k.resources ?? []) {
    const full = need(entry);
    if (statSync(full).isDirectory()) {
      const base = build(full);
      resources.push(...base.resources);
      base.files.forEach((f) => files.add(f));
    } else {
      files.add(full);
      resources.push(...parseYamlFile(full));
    }
  }
  for (const generator of k.configMapGenerator ?? []) {
    const data: Record<string, string> = {};
    for (const env of generator.envs ?? []) {
      files.add(need(env));
      Object.assign(data, parseEnvFile(need(env)));
    }
    for (const spec of generator.files ?? []) {
      const [key, name] = spec.includes('=') ? spec.split('=', 2) : [path.basename(spec), spec];
      files.add(need(name));
      data[key] = readFileSync(need(name), 'utf8');
    }
    for (const literal of generator.literals ?? []) {
      const at = literal.indexOf('=');
      data[literal.slice(0, at)] = literal.slice(at + 1);
    }
    const behavior = generator.behavior ?? 'create';
    const existing = resources.find((r) => r.kind === 'ConfigMap' && r.metadata.name === generator.name);
    if (behavior === 'create') {
      if (existing) throw new Error(`${file}: ConfigMap ${generator.name} generated twice`);
      resources.push({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: generator.name }, data });
    } else {
      if (!existing) throw new Error(`${file}: ${behavior} of ConfigMap ${generator.name}, which the bases do not generate`);
      existing.data = behavior === 'merge' ? { ...existing.data, ...data } : data;
    }
  }
  for (const image of k.images ?? []) {
    for (const container of resources.flatMap(containersOf)) {
      const ref = parseImage(container.image);
      if (ref.name !== image.name) continue;
      const name = image.newName ?? ref.name;
      const digest = image.digest ?? (image.newTag ? undefined : ref.digest);
      const tag = image.digest ? undefined : (image.newTag ?? ref.tag);
      container.image = `${name}${tag ? `:${tag}` : ''}${digest ? `@${digest}` : ''}`;
    }
  }
  for (const { name, count } of k.replicas ?? []) one(resources, 'Deployment', name, file).spec.replicas = count;
  for (const patch of k.patches ?? []) {
    const ops = patch.path ? parseYamlFile(need(patch.path))[0] : parseAllDocuments(patch.patch)[0].toJS();
    if (patch.path) files.add(need(patch.path));
    if (!Array.isArray(ops) || !patch.target?.kind || !patch.target?.name) {
      throw new Error(`${file}: only JSON 6902 patches with a target kind and name are known to the test's resolver`);
    }
    const target = one(resources, patch.target.kind, patch.target.name, file);
    for (const op of ops) applyOperation(target, op);
  }
  for (const { pairs } of k.labels ?? []) {
    for (const r of resources) r.metadata.labels = { ...r.metadata.labels, ...pairs };
  }
  if (k.namespace) for (const r of resources) r.metadata.namespace = k.namespace;
  return { resources, files };
}

function one(resources: Manifest[], kind: string, name: string, file: string): Manifest {
  const found = resources.filter((r) => r.kind === kind && r.metadata.name === name);
  if (found.length !== 1) throw new Error(`${file}: ${found.length} ${kind} named ${name}`);
  return found[0];
}

function applyOperation(target: Manifest, op: { op: string; path: string; value?: unknown }): void {
  const keys = op.path.split('/').slice(1).map((key) => key.replace(/~1/g, '/').replace(/~0/g, '~'));
  const last = keys.pop() as string;
  let parent: any = target;
  for (const key of keys) {
    parent = parent?.[Array.isArray(parent) ? Number(key) : key];
    if (parent === undefined) throw new Error(`patch ${op.op} ${op.path}: no such path in ${target.kind} ${target.metadata.name}`);
  }
  const isArray = Array.isArray(parent);
  const index = last === '-' ? parent.length : Number(last);
  if (op.op === 'add') {
    if (isArray) parent.splice(index, 0, op.value);
    else parent[last] = op.value;
  } else if (op.op === 'replace' || op.op === 'remove') {
    if (!(isArray ? index < parent.length : last in parent)) throw new Error(`patch ${op.op} ${op.path}: nothing there to ${op.op}`);
    if (op.op === 'remove') {
      if (isArray) parent.splice(index, 1);
      else delete parent[last];
    } else parent[isArray ? index : last] = op.value;
  } else {
    throw new Error(`patch op ${op.op} unknown to the test's resolver`);
  }
}

export function parseImage(image: string): { name: string; tag?: string; digest?: string } {
  const [rest, digest] = image.split('@');
  const slash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  return colon > slash ? { name: rest.slice(0, colon), tag: rest.slice(colon + 1), digest } : { name: rest, digest };
}

export function podSpecOf(r: Manifest): any | undefined {
  if (r.kind === 'CronJob') return r.spec?.jobTemplate?.spec?.template?.spec;
  return ['Deployment', 'StatefulSet', 'DaemonSet', 'Job'].includes(r.kind) ? r.spec?.template?.spec : undefined;
}

export function containersOf(r: Manifest): any[] {
  const spec = podSpecOf(r);
  return spec ? [...(spec.initContainers ?? []), ...(spec.containers ?? [])] : [];
}

/** Kubernetes quantities: cores ("500m", "2") or bytes ("400Mi", "1Gi"). */
export function quantity(value: string | number): number {
  const match = /^([0-9.]+)(m|Ki|Mi|Gi|Ti|k|M|G)?$/.exec(String(value));
  if (!match) throw new Error(`not a quantity: ${value}`);
  const factor = { m: 1e-3, Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, k: 1e3, M: 1e6, G: 1e9 }[match[2] ?? ''] ?? 1;
  return Number(match[1]) * factor;
}

export type EnvSource =
  | { from: 'value'; value: string }
  | { from: 'configMap'; name: string; value: string }
  | { from: 'secret'; name: string; key: string; optional: boolean }
  | { from: 'other' };

/** Where each environment variable of a container comes from (later entries win, as in Kubernetes). */
export function envOf(container: any, resources: Manifest[]): Map<string, EnvSource> {
  const env = new Map<string, EnvSource>();
  for (const from of container.envFrom ?? []) {
    if (from.secretRef) throw new Error(`${container.name}: envFrom secretRef hides which variables are secrets: name each with secretKeyRef`);
    const configMap = resources.find((r) => r.kind === 'ConfigMap' && r.metadata.name === from.configMapRef?.name);
    if (!configMap) throw new Error(`${container.name}: envFrom names ConfigMap ${from.configMapRef?.name}, which the build lacks`);
    for (const [key, value] of Object.entries<string>(configMap.data ?? {})) env.set(`${from.prefix ?? ''}${key}`, { from: 'configMap', name: configMap.metadata.name, value });
  }
  for (const entry of container.env ?? []) {
    const secret = entry.valueFrom?.secretKeyRef;
    const configMapKey = entry.valueFrom?.configMapKeyRef;
    if ('value' in entry) env.set(entry.name, { from: 'value', value: String(entry.value) });
    else if (secret) env.set(entry.name, { from: 'secret', name: secret.name, key: secret.key, optional: secret.optional === true });
    else if (configMapKey) {
      const configMap = resources.find((r) => r.kind === 'ConfigMap' && r.metadata.name === configMapKey.name);
      env.set(entry.name, { from: 'configMap', name: configMapKey.name, value: configMap?.data?.[configMapKey.key] });
    } else env.set(entry.name, { from: 'other' });
  }
  return env;
}

/** The container port a probe or a Service names (by name or number). */
export function portNumber(container: any, port: string | number): number | undefined {
  if (typeof port === 'number') return port;
  return container.ports?.find((p: { name?: string }) => p.name === port)?.containerPort;
}

/** The section lines of an ini file (PgBouncer's): key = value, `;` comments. */
export function parseIni(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const match = /^\s*([a-z_]+)\s*=\s*(.*?)\s*$/.exec(line);
    if (match) out[match[1]] = match[2];
  }
  return out;
}

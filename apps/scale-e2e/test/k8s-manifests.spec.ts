import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as config from '@cpts/platform-config';
import { plainToInstance } from 'class-transformer';
import { getMetadataStorage, validateSync } from 'class-validator';
import { parse } from 'yaml';
import {
  build,
  Build,
  containersOf,
  envOf,
  EnvSource,
  filesUnder,
  k8sRoot,
  Manifest,
  parseImage,
  parseIni,
  parseYamlFile,
  podSpecOf,
  portNumber,
  quantity,
  repoRoot,
} from './support/k8s-manifests';

/**
 * The Kubernetes manifests of infra/k8s, checked without a cluster: what
 * Kustomize would build (base, and the example overlay), against the apps'
 * own source: their health routes, their environment classes, their heap cap.
 */

type EnvClass = new () => object;
const read = (file: string) => readFileSync(path.join(repoRoot, file), 'utf8');
const APP_IMAGE = 'cpts-platform';
const APPS = ['gateway', 'worker', 'migrate'] as const;
type App = (typeof APPS)[number];

/** The workload, pod spec and container running an app, found by its command (dist/apps/<app>/...). */
function appIn(b: Build, app: App) {
  const script = app === 'migrate' ? 'dist/apps/migrator/src/main.js' : `dist/apps/${app}/src/main.js`;
  const found = b.resources.flatMap((workload) =>
    containersOf(workload)
      .filter((c) => (c.command ?? []).includes(script))
      .map((container) => ({ workload, pod: podSpecOf(workload), container })),
  );
  expect(found).toHaveLength(1);
  return { ...found[0], env: envOf(found[0].container, b.resources) };
}

/** The env classes an app validates at boot: its ConfigModule.forRoot([...]) and loadEnv(...) calls. */
function envClassesOf(app: App): EnvClass[] {
  const sources =
    app === 'migrate'
      ? // The Job runs `migrator migrate`: what that command's branch loads.
        [/case 'migrate':([\s\S]*?)case '/.exec(read('apps/migrator/src/main.ts'))?.[1] ?? '']
      : app === 'gateway'
        ? [read('apps/gateway/src/app.module.ts'), read('apps/gateway/src/gateway.ts')]
        : [read('apps/worker/src/worker.ts')];
  const names = new Set<string>();
  for (const source of sources) {
    for (const m of source.matchAll(/ConfigModule\.forRoot\(\[([^\]]*)\]/g)) m[1].split(',').map((s) => s.trim()).filter(Boolean).forEach((n) => names.add(n));
    for (const m of source.matchAll(/loadEnv\((\w+)\)/g)) names.add(m[1]);
  }
  expect(names.size).toBeGreaterThan(0);
  return [...names].map((name) => {
    const envClass = (config as unknown as Record<string, EnvClass | undefined>)[name];
    if (typeof envClass !== 'function') throw new Error(`${name} is not exported by @cpts/platform-config`);
    return envClass;
  });
}

/** Validates as loadEnv does (defaults, then the given values): the properties that fail. */
function failing(envClass: EnvClass, values: Record<string, string>) {
  const instance = plainToInstance(envClass, { ...new envClass(), ...values });
  return validateSync(instance, { whitelist: true, forbidUnknownValues: false });
}

function propertiesOf(envClass: EnvClass): string[] {
  return [...new Set(getMetadataStorage().getTargetValidationMetadatas(envClass, '', true, false).map((m) => m.propertyName))];
}

/** A route's path and the code that answers it; ready calls the readiness checks, live answers "ok" without them. */
function healthPaths(routes: Array<{ path: string; body: string }>) {
  const ready = routes.filter((r) => r.body.includes('checkReadiness('));
  const live = routes.filter((r) => !r.body.includes('checkReadiness(') && r.body.includes("status: 'ok'"));
  expect(ready).toHaveLength(1);
  expect(live).toHaveLength(1);
  return { ready: ready[0].path, live: live[0].path };
}

const gatewayHealth = () =>
  healthPaths([...read('apps/gateway/src/health.controller.ts').matchAll(/@Get\('([^']+)'\)([\s\S]*?)(?=@Get\(|$)/g)].map((m) => ({ path: m[1], body: m[2] })));
const workerHealth = () =>
  healthPaths([...read('apps/worker/src/health-server.ts').matchAll(/req\.url === '([^']+)'\)([\s\S]*?)(?=req\.url ===|$)/g)].map((m) => ({ path: m[1], body: m[2] })));

/** A value the manifests state in clear (inline or from a ConfigMap). */
function stated(env: Map<string, EnvSource>, key: string): string | undefined {
  const source = env.get(key);
  return source && 'value' in source ? source.value : undefined;
}

const SECRET_NAME = /PASSWORD|SECRET|TOKEN|(^|_)KEY(_|$)/;
const CREDENTIALS_IN_URL = /[a-z][a-z0-9+.-]*:\/\/[^/\s@:]*:[^/\s@]+@/i;

describe('Kubernetes manifests (infra/k8s)', () => {
  let base: Build;
  let overlay: Build;
  let roots: string[];

  beforeAll(() => {
    roots = filesUnder(k8sRoot)
      .filter((f) => path.basename(f) === 'kustomization.yaml')
      .map(path.dirname);
    base = build(path.join(k8sRoot, 'base'));
    overlay = build(path.join(k8sRoot, 'overlays/example'));
  });

  it('parses every YAML file, and every kustomization names existing files and every manifest file', () => {
    const all = filesUnder(k8sRoot);
    for (const file of all.filter((f) => /\.ya?ml$/.test(f))) expect(() => parseYamlFile(file)).not.toThrow();
    const named = new Set(roots.flatMap((root) => [...build(root).files]));
    const unnamed = all.filter((f) => path.basename(f) !== 'README.md' && !named.has(f)).map((f) => path.relative(k8sRoot, f));
    expect(unnamed).toEqual([]);
    expect(roots.map((r) => path.relative(k8sRoot, r)).sort()).toEqual(['base', 'overlays/example']);
  });

  it('commits no secret: no Secret manifest, no secret-looking inline value, no credentials in a URL', () => {
    const docs = filesUnder(k8sRoot)
      .filter((f) => /\.ya?ml$/.test(f))
      .flatMap((f) => parseYamlFile(f).map((doc) => ({ file: path.relative(k8sRoot, f), doc })));
    expect(docs.filter(({ doc }) => doc.kind === 'Secret').map(({ file }) => file)).toEqual([]);
    for (const b of [base, overlay]) {
      const inline: string[] = [];
      for (const r of b.resources) {
        if (r.kind === 'ConfigMap') {
          for (const [key, value] of Object.entries<string>(r.data ?? {})) {
            if (SECRET_NAME.test(key) || CREDENTIALS_IN_URL.test(value)) inline.push(`ConfigMap ${r.metadata.name}: ${key}`);
          }
        }
        for (const c of containersOf(r)) {
          for (const e of c.env ?? []) {
            if ('value' in e && (SECRET_NAME.test(e.name) || CREDENTIALS_IN_URL.test(String(e.value)))) inline.push(`${r.metadata.name}: ${e.name}`);
          }
        }
      }
      expect(inline).toEqual([]);
    }
  });

  it('takes every sensitive setting of the apps (@Sensitive in env.ts) from a Secret, by name', () => {
    for (const app of APPS) {
      const { env } = appIn(overlay, app);
      for (const envClass of envClassesOf(app)) {
        for (const key of propertiesOf(envClass).filter((k) => config.isSensitive(envClass.prototype, k))) {
          const source = env.get(key);
          if (source) expect({ app, key, from: source.from }).toEqual({ app, key, from: 'secret' });
        }
      }
    }
  });

  it('gives the gateway, the worker and the migrator every variable they require, with values their env classes accept', () => {
    for (const app of APPS) {
      const { env } = appIn(overlay, app);
      for (const envClass of envClassesOf(app)) {
        const required = failing(envClass, {}).map((e) => e.property);
        const missing = required.filter((key) => {
          const source = env.get(key);
          return !source || source.from === 'other' || (source.from === 'secret' && source.optional);
        });
        expect({ app, envClass: envClass.name, missing }).toEqual({ app, envClass: envClass.name, missing: [] });
        // What the manifests state in clear must pass the app's own validation (secrets are not known here).
        const clear: Record<string, string> = {};
        for (const key of env.keys()) {
          const value = stated(env, key);
          if (value !== undefined) clear[key] = value;
        }
        const invalid = failing(envClass, clear)
          .filter((e) => e.property in clear)
          .map((e) => `${e.property}: ${Object.values(e.constraints ?? {}).join('; ')}`);
        expect({ app, envClass: envClass.name, invalid }).toEqual({ app, envClass: envClass.name, invalid: [] });
      }
    }
  });

  it('gives the owner role to the migrator alone, and the runtime role to the apps', () => {
    const migrate = appIn(overlay, 'migrate');
    const owner = migrate.env.get('MIGRATION_DATABASE_URL');
    expect(owner).toMatchObject({ from: 'secret', optional: false });
    const ownerSecret = (owner as { name: string }).name;
    expect(migrate.env.has('DATABASE_URL')).toBe(false);
    for (const app of ['gateway', 'worker'] as const) {
      const { env, pod } = appIn(overlay, app);
      expect(env.has('MIGRATION_DATABASE_URL')).toBe(false);
      const runtime = env.get('DATABASE_URL');
      expect(runtime).toMatchObject({ from: 'secret', optional: false });
      expect((runtime as { name: string }).name).not.toBe(ownerSecret);
      // Not even mounted or imported whole.
      expect(JSON.stringify(pod)).not.toContain(`"${ownerSecret}"`);
    }
    // The Job is applied alone before the rollout (README): it is the only object with its label and needs no other.
    const labelled = overlay.resources.filter((r) => r.metadata.labels?.['app.kubernetes.io/component'] === 'migrate');
    expect(labelled.map((r) => `${r.kind}/${r.metadata.name}`)).toEqual([`Job/${migrate.workload.metadata.name}`]);
    expect(JSON.stringify(migrate.pod)).not.toMatch(/configMap|persistentVolumeClaim/);
  });

  it('probes the gateway on its real health routes and port', () => {
    const { container, env } = appIn(overlay, 'gateway');
    const paths = gatewayHealth();
    const port = Number(stated(env, 'GATEWAY_PORT') ?? new config.GatewayEnv().GATEWAY_PORT);
    expect(container.readinessProbe.httpGet.path).toBe(paths.ready);
    expect(container.livenessProbe.httpGet.path).toBe(paths.live);
    if (container.startupProbe) expect(container.startupProbe.httpGet.path).toBe(paths.live);
    for (const probe of [container.readinessProbe, container.livenessProbe, container.startupProbe].filter(Boolean)) {
      expect(portNumber(container, probe.httpGet.port)).toBe(port);
    }
    // Behind the Ingress, client addresses come from X-Forwarded-For.
    expect(env.get('TRUST_PROXY')).toMatchObject({ value: 'true' });
  });

  it('probes the worker on its health server and port', () => {
    const { container, env } = appIn(overlay, 'worker');
    const paths = workerHealth();
    const port = Number(stated(env, 'WORKER_HTTP_PORT') ?? new config.WorkerEnv().WORKER_HTTP_PORT);
    expect(container.readinessProbe.httpGet.path).toBe(paths.ready);
    expect(container.livenessProbe.httpGet.path).toBe(paths.live);
    for (const probe of [container.readinessProbe, container.livenessProbe, container.startupProbe].filter(Boolean)) {
      expect(portNumber(container, probe.httpGet.port)).toBe(port);
    }
  });

  it('caps the worker heap as docker-compose does, under its memory limit', () => {
    const compose = parse(read('docker-compose.yml'), { merge: true });
    const flag = (command: string[]) => command.find((a) => a.startsWith('--max-old-space-size='));
    const composeFlag = flag(compose.services.worker.command);
    expect(composeFlag).toBeDefined();
    const { container } = appIn(overlay, 'worker');
    expect(flag(container.command)).toBe(composeFlag);
    const heapMiB = Number(composeFlag!.split('=')[1]);
    expect(quantity(container.resources.limits.memory)).toBeGreaterThan(heapMiB * 2 ** 20 * 1.5);
  });

  it('sets requests and limits on every container, requests within limits', () => {
    const containers = overlay.resources.flatMap((r) => containersOf(r).map((c) => ({ workload: r.metadata.name, c })));
    expect(containers.length).toBeGreaterThanOrEqual(4);
    for (const { workload, c } of containers) {
      for (const resource of ['cpu', 'memory']) {
        const request = c.resources?.requests?.[resource];
        const limit = c.resources?.limits?.[resource];
        expect({ workload, resource, request: request !== undefined, limit: limit !== undefined }).toEqual({ workload, resource, request: true, limit: true });
        expect(quantity(request)).toBeLessThanOrEqual(quantity(limit));
      }
    }
  });

  it('runs every container as a non-root user, without privilege escalation, on a read-only root', () => {
    for (const r of overlay.resources.filter(podSpecOf)) {
      const pod = podSpecOf(r);
      for (const c of containersOf(r)) {
        const context = { ...pod.securityContext, ...c.securityContext };
        expect({ name: c.name, runAsNonRoot: context.runAsNonRoot }).toEqual({ name: c.name, runAsNonRoot: true });
        // The images name their user (node, postgres): Kubernetes can only check a number.
        expect(Number.isInteger(context.runAsUser) && context.runAsUser > 0).toBe(true);
        expect(context.allowPrivilegeEscalation).toBe(false);
        expect(context.readOnlyRootFilesystem).toBe(true);
      }
    }
  });

  it('scales the gateway with an HPA that owns its replicas, and covers each Deployment with a PDB that selects its pods', () => {
    const gateway = appIn(overlay, 'gateway').workload;
    const hpas = overlay.resources.filter((r) => r.kind === 'HorizontalPodAutoscaler');
    expect(hpas).toHaveLength(1);
    expect(hpas[0].spec.scaleTargetRef).toMatchObject({ apiVersion: 'apps/v1', kind: 'Deployment', name: gateway.metadata.name });
    expect(hpas[0].spec.metrics).toContainEqual(expect.objectContaining({ type: 'Resource', resource: expect.objectContaining({ name: 'cpu' }) }));
    expect(hpas[0].spec.minReplicas).toBeGreaterThanOrEqual(2);
    // A replicas field would be reset by every apply, against the HPA.
    expect(gateway.spec.replicas).toBeUndefined();

    const deployments = overlay.resources.filter((r) => r.kind === 'Deployment');
    const selects = (selector: Record<string, string>, d: Manifest) =>
      Object.entries(selector).every(([k, v]) => d.spec.template.metadata.labels?.[k] === v);
    const pdbs = overlay.resources.filter((r) => r.kind === 'PodDisruptionBudget');
    for (const pdb of pdbs) expect(deployments.filter((d) => selects(pdb.spec.selector.matchLabels, d))).toHaveLength(1);
    for (const d of deployments) {
      expect(pdbs.filter((pdb) => selects(pdb.spec.selector.matchLabels, d)).map((p) => p.metadata.name)).toHaveLength(1);
      // A Deployment's own selector matches its template, as the API server requires.
      expect(selects(d.spec.selector.matchLabels, d)).toBe(true);
    }
    // Every Service reaches pods, on a port they declare.
    for (const service of overlay.resources.filter((r) => r.kind === 'Service')) {
      const targets = deployments.filter((d) => selects(service.spec.selector, d));
      expect(targets).toHaveLength(1);
      for (const port of service.spec.ports) expect(containersOf(targets[0]).some((c) => portNumber(c, port.targetPort))).toBe(true);
    }
  });

  it('leaves the app image tag to the overlay, which pins every image to one release', () => {
    for (const app of APPS) expect(appIn(base, app).container.image).toBe(APP_IMAGE);
    const [kustomization] = parseYamlFile(path.join(k8sRoot, 'overlays/example/kustomization.yaml'));
    const release = kustomization.images.find((i: { name: string }) => i.name === APP_IMAGE);
    expect(release?.newTag ?? release?.digest).toBeTruthy();
    for (const c of overlay.resources.flatMap(containersOf)) {
      const ref = parseImage(c.image);
      expect({ image: c.image, pinned: Boolean(ref.digest || (ref.tag && ref.tag !== 'latest')) }).toEqual({ image: c.image, pinned: true });
    }
    const images = new Set(APPS.map((app) => appIn(overlay, app).container.image));
    expect(images.size).toBe(1);
  });

  it('shares one ReadWriteMany volume at UPLOAD_DIR between the gateway and the worker', () => {
    const claims = (['gateway', 'worker'] as const).map((app) => {
      const { container, pod, env } = appIn(overlay, app);
      const dir = stated(env, 'UPLOAD_DIR');
      const mount = container.volumeMounts.find((m: { mountPath: string }) => m.mountPath === dir);
      expect(mount).toBeDefined();
      return pod.volumes.find((v: { name: string }) => v.name === mount.name).persistentVolumeClaim.claimName;
    });
    expect(claims[0]).toBe(claims[1]);
    const pvc = overlay.resources.find((r) => r.kind === 'PersistentVolumeClaim' && r.metadata.name === claims[0]);
    expect(pvc?.spec.accessModes).toEqual(['ReadWriteMany']);
  });

  it('publishes the gateway at the address of APP_URL', () => {
    const { env, workload } = appIn(overlay, 'gateway');
    const host = new URL(stated(env, 'APP_URL') ?? '').host;
    expect(host).not.toMatch(/\.invalid$/);
    const ingresses = overlay.resources.filter((r) => r.kind === 'Ingress');
    expect(ingresses).toHaveLength(1);
    const spec = ingresses[0].spec;
    expect(spec.rules.map((rule: { host: string }) => rule.host)).toEqual([host]);
    expect(spec.tls.flatMap((t: { hosts: string[] }) => t.hosts)).toEqual([host]);
    const service = overlay.resources.find((r) => r.kind === 'Service' && r.metadata.name === spec.rules[0].http.paths[0].backend.service.name);
    expect(service?.spec.selector).toEqual(workload.spec.selector.matchLabels);
  });

  it('runs PgBouncer in transaction mode, with its users from a Secret, towards the overlay database host', () => {
    const bouncer = overlay.resources.find((r) => r.kind === 'Deployment' && r.metadata.name === 'pgbouncer') as Manifest;
    const [container] = containersOf(bouncer);
    const pod = podSpecOf(bouncer);
    const mountOf = (volume: { name: string }) => container.volumeMounts.find((m: { name: string }) => m.name === volume.name).mountPath;
    const configVolume = pod.volumes.find((v: { configMap?: unknown }) => v.configMap);
    const configMap = overlay.resources.find((r) => r.kind === 'ConfigMap' && r.metadata.name === configVolume.configMap.name) as Manifest;
    const iniPath = container.command.find((a: string) => a.endsWith('.ini'));
    expect(path.dirname(iniPath)).toBe(mountOf(configVolume));
    const ini = parseIni(configMap.data[path.basename(iniPath)]);
    expect(ini.pool_mode).toBe('transaction');
    // What the PgBouncer tests run the apps through (libs/testing/src/pgbouncer.ts), production keeps.
    const tested = parseIni([...read('libs/testing/src/pgbouncer.ts').matchAll(/'([a-z_]+ =[^'$]*)'/g)].map((m) => m[1]).join('\n'));
    const asSet = (list = '') => new Set(list.split(',').map((s) => s.trim()).filter(Boolean));
    for (const key of ['pool_mode', 'server_reset_query']) expect({ key, value: ini[key] }).toEqual({ key, value: tested[key] });
    expect(asSet(ini.ignore_startup_parameters)).toEqual(asSet(tested.ignore_startup_parameters));
    expect(Number(ini.listen_port)).toBe(portNumber(container, container.readinessProbe.tcpSocket.port));
    const authVolume = pod.volumes.find((v: { secret?: unknown }) => v.secret);
    expect(path.dirname(ini.auth_file)).toBe(mountOf(authVolume));
    for (const include of configMap.data[path.basename(iniPath)].matchAll(/^%include (.+)$/gm)) {
      expect(path.dirname(include[1])).toBe(mountOf(configVolume));
      expect(configMap.data[path.basename(include[1])]).toMatch(/^\[databases\]/m);
      expect(configMap.data[path.basename(include[1])]).not.toMatch(/\.invalid\b/);
    }
  });

  it('documents in the README how to create every Secret the manifests read, key by key', () => {
    const readme = readFileSync(path.join(k8sRoot, 'README.md'), 'utf8');
    // Required keys in the secret's create command, optional ones anywhere in the README.
    const wanted = new Map<string, Array<{ key: string; optional: boolean }>>();
    const want = (name: string, key: string, optional: boolean) => wanted.set(name, [...(wanted.get(name) ?? []), { key, optional }]);
    for (const r of overlay.resources) {
      for (const c of containersOf(r)) {
        for (const { valueFrom } of c.env ?? []) {
          const ref = valueFrom?.secretKeyRef;
          if (ref) want(ref.name, `--from-literal=${ref.key}=`, ref.optional === true);
        }
      }
      for (const v of podSpecOf(r)?.volumes ?? []) if (v.secret) want(v.secret.secretName, '--from-file=', false);
    }
    expect([...wanted.keys()].sort()).toEqual(['cpts-app', 'cpts-migrator', 'pgbouncer-auth']);
    for (const [name, keys] of wanted) {
      const command = new RegExp(`create secret generic ${name} ((?:.*\\\\\\n)*.*)`).exec(readme);
      expect({ name, documented: Boolean(command) }).toEqual({ name, documented: true });
      for (const { key, optional } of keys) {
        expect({ name, key, documented: (optional ? readme : command![1]).includes(key) }).toEqual({ name, key, documented: true });
      }
    }
  });
});

#!/usr/bin/env node
// Writes realistic kustomization trees for the benchmark (issue 8): a base of N resources in many files,
// a chain of D overlays that rename, relabel, re-tag images and merge a generated ConfigMap every
// Deployment references, and P strategic-merge plus P JSON6902 patches with kind, name, label and
// annotation selectors. The same options and seed always write the same bytes.
//
//   node bench/generate-tree.mjs OUT_DIR [--resources N] [--overlays D] [--patches P] [--seed S]
//                                [--patch-kinds both|strategic|json6902]
//
// --patch-kinds keeps only one kind of each pair, to tell which kind a difference comes from.
// The tree to build is OUT_DIR/overlays/stage-D (OUT_DIR/base when D = 0).
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';

/** Resource kinds of one application, in the order an application's resources are counted towards N. */
const unitKinds = ['Deployment', 'ConfigMap', 'Secret', 'ServiceAccount', 'Service', 'RoleBinding', 'Ingress'];
const appWords = ['cart', 'checkout', 'catalog', 'search', 'payments', 'orders', 'users', 'ratings', 'shipping', 'email', 'ads', 'recommend', 'inventory', 'pricing', 'auth', 'gateway'];
const appImages = ['registry.example.com/shop/api', 'registry.example.com/shop/web', 'registry.example.com/shop/worker', 'docker.io/library/nginx', 'ghcr.io/example/grpc-server'];
const appsPerTeam = 10;

/** A small seeded generator (mulberry32): the trees depend on nothing but the options. */
export function seededRandom(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (low, high) => low + Math.floor(next() * (high - low + 1)),
    pick: (items) => items[Math.floor(next() * items.length)],
  };
}

const pad = (value, width) => String(value).padStart(width, '0');
const base64 = (text) => Buffer.from(text).toString('base64');
const yamlFile = (title, documents) => `# ${title}\n${documents.map((document) => stringify(document, { lineWidth: 0 })).join('---\n')}`;

function appName(index) {
  return `${appWords[index % appWords.length]}-${pad(index, 4)}`;
}

function teamName(appIndex) {
  return `team-${pad(Math.floor(appIndex / appsPerTeam), 3)}`;
}

function deployment(name, team, tier, random) {
  const labels = { app: name, team, tier };
  const image = random.pick(appImages);
  const containers = [
    {
      name: 'app',
      image: `${image}:${random.int(1, 4)}.${random.int(0, 20)}.${random.int(0, 9)}`,
      args: ['--port=8080', '--log-level=$(LOG_LEVEL)', `--service-name=${name}`],
      ports: [
        { name: 'http', containerPort: 8080, protocol: 'TCP' },
        { name: 'metrics', containerPort: 9090, protocol: 'TCP' },
      ],
      env: [
        { name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
        { name: 'POD_NAMESPACE', valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } },
        { name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name, key: 'db-password' } } },
        { name: 'FEATURE_FLAGS', valueFrom: { configMapKeyRef: { name, key: 'features' } } },
        { name: 'GOMAXPROCS', value: String(random.int(1, 4)) },
        { name: 'CACHE_TTL', value: `${random.int(10, 600)}s` },
      ],
      envFrom: [{ configMapRef: { name: 'app-config' } }],
      resources: {
        requests: { cpu: `${random.int(1, 10) * 50}m`, memory: `${random.int(1, 8) * 64}Mi` },
        limits: { cpu: `${random.int(1, 4)}`, memory: `${random.int(2, 16) * 64}Mi` },
      },
      livenessProbe: { httpGet: { path: '/healthz', port: 'http' }, initialDelaySeconds: random.int(5, 30), periodSeconds: 10, failureThreshold: 3 },
      readinessProbe: { httpGet: { path: '/ready', port: 'http' }, periodSeconds: 5, timeoutSeconds: 2 },
      volumeMounts: [
        { name: 'config', mountPath: `/etc/${name}` },
        { name: 'secrets', mountPath: `/var/run/secrets/${name}`, readOnly: true },
        { name: 'shared-config', mountPath: '/etc/shared' },
        { name: 'tmp', mountPath: '/tmp' },
      ],
      securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } },
    },
    {
      name: 'log-shipper',
      image: `fluent/fluent-bit:2.${random.int(0, 2)}.${random.int(0, 9)}`,
      args: ['--config=/etc/shared/fluent-bit.conf'],
      env: [{ name: 'APP_NAME', value: name }],
      resources: { requests: { cpu: '10m', memory: '32Mi' }, limits: { memory: '64Mi' } },
      volumeMounts: [{ name: 'shared-config', mountPath: '/etc/shared', readOnly: true }],
    },
  ];
  if (random.next() < 0.4) {
    containers.push({
      name: 'proxy',
      image: 'envoyproxy/envoy:v1.29.1',
      ports: [{ name: 'proxy', containerPort: 15001 }],
      readinessProbe: { tcpSocket: { port: 15001 }, periodSeconds: 10 },
    });
  }
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, labels },
    spec: {
      replicas: random.int(1, 3),
      revisionHistoryLimit: 10,
      selector: { matchLabels: { app: name } },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: 0 } },
      template: {
        metadata: { labels, annotations: { 'prometheus.io/scrape': 'true', 'prometheus.io/port': '9090' } },
        spec: {
          serviceAccountName: name,
          securityContext: { runAsNonRoot: true, runAsUser: 10001, fsGroup: 10001 },
          initContainers: [{ name: 'migrate', image: 'busybox:1.36', command: ['sh', '-c', `echo migrating ${name}`] }],
          containers,
          volumes: [
            { name: 'config', configMap: { name } },
            { name: 'secrets', secret: { secretName: name } },
            { name: 'shared-config', configMap: { name: 'app-config' } },
            { name: 'tmp', emptyDir: {} },
          ],
        },
      },
    },
  };
}

function resource(kind, name, team, tier, random) {
  const labels = { app: name, team, tier };
  switch (kind) {
    case 'Deployment':
      return deployment(name, team, tier, random);
    case 'ConfigMap':
      return {
        apiVersion: 'v1',
        kind,
        metadata: { name, labels },
        data: {
          features: ['search', 'reviews', 'wishlist', 'coupons'].filter(() => random.next() < 0.6).join(','),
          'app.properties': `server.port=8080\nserver.name=${name}\ncache.size=${random.int(16, 512)}\n`,
          'max-connections': String(random.int(10, 200)),
        },
      };
    case 'Secret':
      return {
        apiVersion: 'v1',
        kind,
        metadata: { name, labels },
        type: 'Opaque',
        data: { 'db-password': base64(`pw-${name}-${random.int(1000, 9999)}`), 'api-key': base64(`key-${random.int(100000, 999999)}`) },
      };
    case 'ServiceAccount':
      return { apiVersion: 'v1', kind, metadata: { name, labels }, automountServiceAccountToken: false };
    case 'Service':
      return {
        apiVersion: 'v1',
        kind,
        metadata: { name, labels },
        spec: {
          type: 'ClusterIP',
          selector: { app: name },
          ports: [
            { name: 'http', port: 80, targetPort: 'http', protocol: 'TCP' },
            { name: 'metrics', port: 9090, targetPort: 'metrics', protocol: 'TCP' },
          ],
        },
      };
    case 'RoleBinding':
      return {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind,
        metadata: { name, labels },
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'view' },
        subjects: [{ kind: 'ServiceAccount', name, namespace: 'default' }],
      };
    case 'Ingress':
      return {
        apiVersion: 'networking.k8s.io/v1',
        kind,
        metadata: { name, labels, annotations: { 'nginx.ingress.kubernetes.io/rewrite-target': '/' } },
        spec: {
          ingressClassName: 'nginx',
          tls: [{ hosts: [`${name}.shop.example.com`], secretName: name }],
          rules: [
            {
              host: `${name}.shop.example.com`,
              http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name, port: { name: 'http' } } } }] },
            },
          ],
        },
      };
    default:
      throw new Error(`no template for ${kind}`);
  }
}

/** Files of the base: teams of applications, each application's resources in three files. */
function writeBase(resources, random) {
  const files = new Map();
  const teams = new Map();
  const appCount = Math.ceil(resources / unitKinds.length);
  for (let app = 0; app < appCount; app += 1) {
    const name = appName(app);
    const team = teamName(app);
    const tier = random.next() < 0.5 ? 'frontend' : 'backend';
    const kinds = unitKinds.slice(0, Math.min(unitKinds.length, resources - app * unitKinds.length));
    const documents = new Map(kinds.map((kind) => [kind, resource(kind, name, team, tier, random)]));
    const groups = {
      'workload.yaml': ['Deployment', 'Service', 'Ingress'],
      'config.yaml': ['ConfigMap', 'Secret'],
      'rbac.yaml': ['ServiceAccount', 'RoleBinding'],
    };
    const listed = [];
    for (const [file, groupKinds] of Object.entries(groups)) {
      const present = groupKinds.filter((kind) => documents.has(kind)).map((kind) => documents.get(kind));
      if (present.length === 0) continue;
      files.set(`base/${team}/${name}/${file}`, yamlFile(`${name}: ${file}`, present));
      listed.push(`${name}/${file}`);
    }
    teams.set(team, [...(teams.get(team) ?? []), ...listed]);
  }
  for (const [team, listed] of teams) {
    files.set(`base/${team}/kustomization.yaml`, stringify({ commonAnnotations: { 'example.com/owner': team }, resources: listed }));
  }
  files.set(
    'base/kustomization.yaml',
    stringify({
      apiVersion: 'kustomize.config.k8s.io/v1beta1',
      kind: 'Kustomization',
      resources: [...teams.keys()],
      labels: [{ pairs: { 'app.kubernetes.io/part-of': 'shop' } }],
      configMapGenerator: [
        {
          name: 'app-config',
          literals: ['LOG_LEVEL=info', 'REGION=eu-west-1', 'TRACING_ENDPOINT=http://otel-collector:4317'],
          files: ['fluent-bit.conf'],
        },
      ],
    }),
  );
  files.set('base/fluent-bit.conf', '[SERVICE]\n    Flush 5\n[INPUT]\n    Name tail\n    Path /var/log/app/*.log\n[OUTPUT]\n    Name stdout\n    Match *\n');
  return { files, appCount, teamCount: teams.size };
}

/** The selector, strategic-merge patch and JSON6902 patch of patch pair `index`. */
function patchPair(index, appCount, teamCount) {
  const team = `team-${pad(index % Math.max(teamCount, 1), 3)}`;
  const word = appWords[index % Math.min(appWords.length, Math.max(appCount, 1))];
  switch (index % 5) {
    case 0:
      return {
        target: { kind: 'Deployment', labelSelector: `team=${team}` },
        smp: {
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          metadata: { name: 'any' },
          spec: { template: { spec: { containers: [{ name: 'app', env: [{ name: `PATCH_${index}`, value: `smp-${index}` }] }] } } },
        },
        json: [{ op: 'add', path: `/spec/template/metadata/annotations/patch.example.com~1json-${index}`, value: 'applied' }],
      };
    case 1:
      return {
        target: { kind: 'Service', name: `${word}-.*` },
        smp: { apiVersion: 'v1', kind: 'Service', metadata: { name: 'any', annotations: { [`patch.example.com/smp-${index}`]: 'applied' } }, spec: { sessionAffinity: 'ClientIP' } },
        json: [{ op: 'add', path: '/spec/ports/-', value: { name: `admin-${index}`, port: 10000 + index, targetPort: 8081 } }],
      };
    case 2:
      return {
        target: { annotationSelector: `example.com/owner=${team}` },
        smp: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'any', labels: { [`smp-${index}`]: 'applied' } } },
        json: [{ op: 'add', path: `/metadata/labels/json-${index}`, value: 'applied' }],
      };
    case 3:
      return {
        target: { kind: 'Deployment', name: `${word}-.*`, labelSelector: 'tier=backend' },
        smp: {
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          metadata: { name: 'any' },
          spec: { template: { spec: { containers: [{ name: 'log-shipper', resources: { limits: { memory: `${96 + index}Mi` } } }] } } },
        },
        json: [
          { op: 'replace', path: '/spec/revisionHistoryLimit', value: 3 + (index % 7) },
          { op: 'add', path: '/spec/template/spec/containers/0/env/-', value: { name: `JSON_${index}`, value: String(index) } },
        ],
      };
    default:
      return {
        target: { group: 'networking.k8s.io', kind: 'Ingress', labelSelector: `tier in (frontend),team!=${team}` },
        smp: { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'any', annotations: { 'nginx.ingress.kubernetes.io/proxy-body-size': `${8 + index}m` } } },
        json: [{ op: 'replace', path: '/spec/ingressClassName', value: `nginx-${index % 3}` }],
      };
  }
}

/** Files of overlay `level` (1-based) of `depth`, with the patch pairs that land on it. */
function writeOverlay(files, level, depth, patches, patchKinds, appCount, teamCount) {
  const dir = `overlays/stage-${pad(level, 2)}`;
  const parent = level === 1 ? '../../base' : `../stage-${pad(level - 1, 2)}`;
  const entries = [];
  for (let index = level - 1; index < patches; index += depth) {
    const { target, smp, json } = patchPair(index, appCount, teamCount);
    const kept = [
      ['smp', smp, patchKinds !== 'json6902'],
      ['json', json, patchKinds !== 'strategic'],
    ];
    for (const [prefix, patch, keep] of kept) {
      if (!keep) continue;
      // Every third pair is written inline, the others as files, as both are common.
      if (index % 3 === 2) {
        entries.push({ target, patch: stringify(patch) });
      } else {
        const file = `patches/${prefix}-${pad(index, 3)}.yaml`;
        files.set(`${dir}/${file}`, stringify(patch));
        entries.push({ path: file, target });
      }
    }
  }
  const replicated = [0, 1, 2].map((offset) => (level * 7 + offset * 3) % Math.max(appCount, 1)).filter((app, position, all) => all.indexOf(app) === position);
  const kustomization = {
    apiVersion: 'kustomize.config.k8s.io/v1beta1',
    kind: 'Kustomization',
    resources: [parent],
    namePrefix: `s${level}-`,
    ...(level % 2 === 1 ? { nameSuffix: `-v${level}` } : {}),
    namespace: `shop-stage-${level}`,
    labels: [
      { pairs: { stage: `s${level}` }, includeSelectors: true },
      { pairs: { [`release.example.com/r${level}`]: 'true' }, includeTemplates: true },
    ],
    commonAnnotations: { [`stage.example.com/s${level}`]: `deployed by stage ${level}` },
    images: [
      { name: 'registry.example.com/shop/api', newTag: `2.${level}.0` },
      { name: 'docker.io/library/nginx', newName: `mirror.example.com/s${level}/nginx` },
      { name: 'fluent/fluent-bit', newTag: `3.${level}.1` },
      ...(level === depth ? [{ name: 'busybox', digest: 'sha256:9ae97d36d26566ff84e8893c64a6dc4fe8ca6d1144bf5b87b2b85a32def253c7' }] : []),
    ],
    replicas: replicated.map((app) => ({ name: appName(app), count: level + 1 })),
    configMapGenerator: [{ name: 'app-config', behavior: 'merge', literals: [`STAGE=s${level}`, `FEATURE_STAGE_${level}=on`, ...(level === depth ? ['LOG_LEVEL=warn'] : [])] }],
    ...(entries.length > 0 ? { patches: entries } : {}),
  };
  files.set(`${dir}/kustomization.yaml`, stringify(kustomization, { lineWidth: 0, aliasDuplicateObjects: false }));
  return dir;
}

/**
 * Writes one benchmark tree under `dir` (emptied first) and returns where to build it and its size.
 *
 * @param {{ dir: string, resources: number, overlays: number, patches: number, seed?: number, patchKinds?: 'both' | 'strategic' | 'json6902' }} options
 * @returns {{ buildPath: string, files: number, bytes: number, apps: number }}
 */
export function generateTree({ dir, resources, overlays, patches, seed = 1, patchKinds = 'both' }) {
  const random = seededRandom(seed);
  const { files, appCount, teamCount } = writeBase(resources, random);
  let buildDir = 'base';
  for (let level = 1; level <= overlays; level += 1) {
    buildDir = writeOverlay(files, level, overlays, patches, patchKinds, appCount, teamCount);
  }
  rmSync(dir, { recursive: true, force: true });
  let bytes = 0;
  for (const [path, text] of files) {
    const full = join(dir, path);
    mkdirSync(join(full, '..'), { recursive: true });
    writeFileSync(full, text);
    bytes += Buffer.byteLength(text);
  }
  return { buildPath: join(dir, buildDir), files: files.size, bytes, apps: appCount };
}

const usage = 'usage: node bench/generate-tree.mjs OUT_DIR [--resources N] [--overlays D] [--patches P] [--seed S] [--patch-kinds both|strategic|json6902]';

function parseArguments(argv) {
  const options = { resources: 100, overlays: 3, patches: 10, seed: 1 };
  let patchKinds = 'both';
  let dir;
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index];
    const key = argument.replace(/^--/, '');
    if (argument === '--patch-kinds') {
      patchKinds = argv[(index += 1)];
      if (!['both', 'strategic', 'json6902'].includes(patchKinds)) throw new Error(`--patch-kinds is both, strategic or json6902\n${usage}`);
    } else if (argument.startsWith('--') && key in options) {
      options[key] = Number(argv[(index += 1)]);
      if (!Number.isInteger(options[key]) || options[key] < 0) throw new Error(`${argument} needs a whole number`);
    } else if (!argument.startsWith('--') && dir === undefined) {
      dir = resolve(argument);
    } else {
      throw new Error(`unknown argument ${argument}\n${usage}`);
    }
  }
  if (dir === undefined) throw new Error(usage);
  return { dir, ...options, patchKinds };
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const tree = generateTree(parseArguments(process.argv.slice(2)));
    console.log(`wrote ${tree.files} files (${(tree.bytes / 1024).toFixed(0)} KiB, ${tree.apps} applications); build ${tree.buildPath}`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  }
}

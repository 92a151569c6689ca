#!/usr/bin/env node
// Bundles the CLI into one CommonJS file and makes a V8 code cache for it: start-up (loading, parsing and
// compiling the code a build runs) is most of a small build's time. bin/load.cjs loads the two.
import { build } from 'esbuild';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('..', import.meta.url));
rmSync(`${cli}dist/bundle`, { recursive: true, force: true });
await build({
  entryPoints: [`${cli}dist/main.js`],
  outfile: `${cli}dist/bundle/main.cjs`,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  // The map (with its sources) is written beside the bundle for debugging, unreferenced: the package ships without it.
  sourcemap: 'external',
  logLevel: 'warning',
});

// The cache holds the functions compiled by the time it is made: first build a small overlay of a base that uses
// the common transformers, generators and both kinds of patch, so that those are in it.
const { loadCli, bundle } = createRequire(import.meta.url)('../bin/load.cjs');
const { cli: bundled, script } = loadCli({ cachedData: undefined });
const tree = mkdtempSync(join(tmpdir(), 'kustomize-ts-cache-'));
try {
  for (const [name, text] of Object.entries(trainingTree())) {
    mkdirSync(dirname(join(tree, name)), { recursive: true });
    writeFileSync(join(tree, name), text);
  }
  let output = '';
  const status = await bundled.main(['build', join(tree, 'overlay')], { stdout: (text) => void (output += text), stderr: (text) => void (output += text), cwd: tree });
  if (status !== 0) throw new Error(`the build that trains the code cache failed: ${output}`);
} finally {
  rmSync(tree, { recursive: true, force: true });
}
writeFileSync(`${bundle}.cache`, script.createCachedData());

function trainingTree() {
  const deployment = (name) =>
    `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\n  labels:\n    app: ${name}\n  annotations:\n    example.com/owner: team\nspec:\n  replicas: 1\n  selector:\n    matchLabels:\n      app: ${name}\n  template:\n    metadata:\n      labels:\n        app: ${name}\n    spec:\n      containers:\n      - name: main\n        image: example/${name}:1.0\n        ports:\n        - containerPort: 8080\n        env:\n        - name: MODE\n          value: "a"\n        envFrom:\n        - configMapRef:\n            name: settings\n      volumes:\n      - name: config\n        configMap:\n          name: settings\n`;
  return {
    'base/kustomization.yaml': [
      'resources:\n- web.yaml\n- api.yaml\n- service.yaml',
      'labels:\n- pairs:\n    app.kubernetes.io/part-of: training\n  includeSelectors: true',
      'configMapGenerator:\n- name: settings\n  files:\n  - app.conf\n  literals:\n  - LEVEL=debug',
      'secretGenerator:\n- name: token\n  literals:\n  - TOKEN=x',
      '',
    ].join('\n'),
    'base/app.conf': 'level = debug\n',
    'base/web.yaml': deployment('web'),
    'base/api.yaml': deployment('api'),
    'base/service.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n  - port: 80\n    targetPort: 8080\n',
    'overlay/kustomization.yaml': [
      'apiVersion: kustomize.config.k8s.io/v1beta1',
      'kind: Kustomization',
      'resources:\n- ../base',
      'namespace: training',
      'namePrefix: p-',
      'nameSuffix: -s',
      'labels:\n- pairs:\n    stage: s\n  includeSelectors: true\n- pairs:\n    release: r\n  includeTemplates: true',
      'commonAnnotations:\n  note: "n"',
      'images:\n- name: example/web\n  newTag: "2.0"\n- name: example/api\n  newName: registry.example/api\n  digest: sha256:0000000000000000000000000000000000000000000000000000000000000000',
      'replicas:\n- name: web\n  count: 3',
      'configMapGenerator:\n- name: settings\n  behavior: merge\n  literals:\n  - LEVEL=warn',
      'patches:\n- path: web-patch.yaml\n- target:\n    kind: Deployment\n    labelSelector: app=api\n  patch: |-\n    - op: add\n      path: /spec/template/spec/containers/0/env/-\n      value: {name: EXTRA, value: "1"}\n    - op: replace\n      path: /spec/replicas\n      value: 2\n- target:\n    annotationSelector: example.com/owner=team\n  patch: |-\n    apiVersion: apps/v1\n    kind: Deployment\n    metadata:\n      name: any\n      labels:\n        patched: "yes"',
      '',
    ].join('\n'),
    'overlay/web-patch.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n      - name: main\n        env:\n        - name: MODE\n          value: "b"\n        resources:\n          limits:\n            memory: 128Mi\n',
  };
}

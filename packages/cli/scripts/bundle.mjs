#!/usr/bin/env node
// Bundles the CLI into one CommonJS file and makes a V8 code cache for it: start-up (loading, parsing and
// compiling the code a build runs) is most of a small build's time. bin/load.cjs loads the two.
import { build } from 'esbuild';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
  sourcemap: 'linked',
  logLevel: 'warning',
});

// The cache holds the functions compiled by the time it is made: build a small tree that uses every common
// transformer and both kinds of patch first, so that those are in it.
const { loadCli, bundle } = createRequire(import.meta.url)('../bin/load.cjs');
const { cli: bundled, script } = loadCli({ cachedData: undefined });
const tree = mkdtempSync(join(tmpdir(), 'kustomize-ts-cache-'));
try {
  for (const [name, text] of Object.entries(trainingTree())) writeFileSync(join(tree, name), text);
  let output = '';
  const status = await bundled.main(['build', tree], { stdout: (text) => void (output += text), stderr: (text) => void (output += text), cwd: tree });
  if (status !== 0) throw new Error(`the training build failed: ${output}`);
} finally {
  rmSync(tree, { recursive: true, force: true });
}
writeFileSync(`${bundle}.cache`, script.createCachedData());

function trainingTree() {
  const deployment = (name) =>
    `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\n  labels:\n    app: ${name}\nspec:\n  replicas: 1\n  selector:\n    matchLabels:\n      app: ${name}\n  template:\n    metadata:\n      labels:\n        app: ${name}\n    spec:\n      containers:\n      - name: main\n        image: example/${name}:1.0\n        ports:\n        - containerPort: 8080\n        env:\n        - name: MODE\n          value: "a"\n        envFrom:\n        - configMapRef:\n            name: settings\n`;
  return {
    'kustomization.yaml': [
      'apiVersion: kustomize.config.k8s.io/v1beta1',
      'kind: Kustomization',
      'namespace: training',
      'namePrefix: p-',
      'nameSuffix: -s',
      'labels:\n- pairs:\n    team: t\n  includeSelectors: true',
      'commonAnnotations:\n  note: "n"',
      'resources:\n- web.yaml\n- api.yaml\n- service.yaml',
      'images:\n- name: example/web\n  newTag: "2.0"\n- name: example/api\n  newName: registry.example/api\n  digest: sha256:0000000000000000000000000000000000000000000000000000000000000000',
      'replicas:\n- name: web\n  count: 3',
      'configMapGenerator:\n- name: settings\n  literals:\n  - LEVEL=debug\n  - SIZE=3',
      'secretGenerator:\n- name: token\n  literals:\n  - TOKEN=x',
      'patches:\n- path: web-patch.yaml\n- target:\n    kind: Deployment\n    name: api\n  patch: |-\n    - op: add\n      path: /spec/template/spec/containers/0/env/-\n      value: {name: EXTRA, value: "1"}\n    - op: replace\n      path: /spec/replicas\n      value: 2',
      '',
    ].join('\n'),
    'web.yaml': deployment('web'),
    'api.yaml': deployment('api'),
    'service.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n  - port: 80\n    targetPort: 8080\n',
    'web-patch.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n      - name: main\n        env:\n        - name: MODE\n          value: "b"\n        resources:\n          limits:\n            memory: 128Mi\n',
  };
}

/**
 * Cost per document of patching realistic Deployments. Run with `npx vitest bench --run packages/patches/bench`;
 * each reported hz is documents per second (its inverse is the cost of one document).
 */
import { bench, describe } from 'vitest';
import { applyJson6902, strategicMerge, type JsonObject } from '../src/index.js';

function container(name: string, envCount: number): JsonObject {
  return {
    name,
    image: `registry.example.com/${name}:1.2.3`,
    args: ['--port=8080', '--verbose'],
    ports: [
      { name: 'http', containerPort: 8080, protocol: 'TCP' },
      { name: 'metrics', containerPort: 9090, protocol: 'TCP' },
    ],
    env: Array.from({ length: envCount }, (_, i) => ({ name: `VAR_${i}`, value: `value-${i}` })),
    volumeMounts: [
      { name: 'config', mountPath: '/etc/config' },
      { name: 'data', mountPath: '/data' },
    ],
    resources: { limits: { cpu: '500m', memory: '256Mi' }, requests: { cpu: '100m', memory: '128Mi' } },
    readinessProbe: { httpGet: { path: '/ready', port: 8080 }, periodSeconds: 10 },
    livenessProbe: { httpGet: { path: '/live', port: 8080 }, periodSeconds: 20 },
  };
}

const deployment: JsonObject = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', labels: { app: 'web', tier: 'frontend' }, annotations: { owner: 'team-a' } },
  spec: {
    replicas: 3,
    selector: { matchLabels: { app: 'web' } },
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    template: {
      metadata: { labels: { app: 'web', tier: 'frontend' } },
      spec: {
        serviceAccountName: 'web',
        containers: [container('web', 12), container('sidecar', 4), container('proxy', 6)],
        initContainers: [container('init', 2)],
        volumes: [
          { name: 'config', configMap: { name: 'web-config' } },
          { name: 'data', emptyDir: {} },
        ],
        tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'web', effect: 'NoSchedule' }],
      },
    },
  },
};

const imagePatch: JsonObject = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web' },
  spec: { template: { spec: { containers: [{ name: 'web', image: 'registry.example.com/web:2.0.0' }] } } },
};

const broadPatch: JsonObject = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', labels: { release: 'canary' } },
  spec: {
    replicas: 5,
    template: {
      spec: {
        containers: [
          { name: 'web', env: [{ name: 'VAR_3', value: 'changed' }, { name: 'NEW', value: 'x' }], resources: { limits: { memory: '512Mi' } } },
          { name: 'logger', image: 'logger:1', volumeMounts: [{ name: 'data', mountPath: '/logs' }] },
        ],
        volumes: [{ name: 'extra', secret: { secretName: 's' } }],
      },
    },
  },
};

describe('strategic merge, per Deployment', () => {
  bench('image of one container', () => {
    strategicMerge(deployment, imagePatch);
  });
  bench('labels, replicas, env, resources, a new container and a volume', () => {
    strategicMerge(deployment, broadPatch);
  });
  bench('empty patch (a walk of the whole document)', () => {
    strategicMerge(deployment, {});
  });
});

describe('JSON6902, per Deployment', () => {
  bench('replace an image and add an env var', () => {
    applyJson6902(deployment, [
      { op: 'replace', path: '/spec/template/spec/containers/0/image', value: 'registry.example.com/web:2.0.0' },
      { op: 'add', path: '/spec/template/spec/containers/0/env/-', value: { name: 'NEW', value: 'x' } },
    ]);
  });
});

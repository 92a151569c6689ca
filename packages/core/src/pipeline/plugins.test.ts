/**
 * How plugin entries are read, checked and run, whatever their kind; the tests of each builtin kind are in plugins/.
 * Every tree was written to /tmp and built with `kubectl kustomize` (Kustomize v5.5.0); `expected` is its output
 * byte for byte, `error.message` a piece of its error message.
 */
import { describe, expect, it } from 'vitest';
import { Loader, defaultLoadLimits } from '../accumulate/loader.js';
import { MemoryFileSystem } from '../fs/filesystem.js';
import { loadKustomization } from '../kustomization/load.js';
import { newResource, type Resource } from '../resource/resource.js';
import { expectBuilt, expectFailure, type Tree } from '../test-support.js';
import { versionBehaviour } from '../versions.js';
import { initialOpenApiState } from './openapi.js';
import { runPluginTransformers } from './plugins.js';

const trees = {
  order: {
    root: '/app',
    files: {
      'app/kustomization.yaml': `resources: [cm.yaml]
sortOptions:
  order: fifo
generators:
- gen.yaml
- |-
  apiVersion: builtin
  kind: ConfigMapGenerator
  metadata:
    name: inline
  literals: [x=y]
transformers:
- prefix.yaml
- |-
  apiVersion: builtin
  kind: PrefixTransformer
  metadata:
    name: inline
  prefix: inline-
  fieldSpecs:
  - path: metadata/name
`,
      'app/cm.yaml': `apiVersion: v1
kind: ConfigMap
metadata:
  name: cm
data:
  a: b
`,
      'app/gen.yaml': `apiVersion: builtin
kind: ConfigMapGenerator
metadata:
  name: from-path
literals: [k=v]
`,
      'app/prefix.yaml': `apiVersion: builtin
kind: PrefixTransformer
metadata:
  name: path
prefix: path-
fieldSpecs:
- path: metadata/name
`,
    },
    expected: `apiVersion: v1
data:
  a: b
kind: ConfigMap
metadata:
  name: path-inline-cm
---
apiVersion: v1
data:
  x: "y"
kind: ConfigMap
metadata:
  name: path-inline-inline-6gc9d749f7
---
apiVersion: v1
data:
  k: v
kind: ConfigMap
metadata:
  name: path-inline-from-path-bdg947hgcc
`,
  },
  configDirectory: {
    root: '/app',
    files: {
      'app/kustomization.yaml': `buildMetadata: [originAnnotations]
resources: [cm.yaml]
generators:
- gen.yaml
- |-
  apiVersion: builtin
  kind: SecretGenerator
  metadata:
    name: inline
    namespace: ns
  literals: [x=y]
transformers: [plugins]
`,
      'app/cm.yaml': `apiVersion: v1
kind: ConfigMap
metadata:
  name: cm
data:
  a: b
`,
      'app/gen.yaml': `apiVersion: builtin
kind: ConfigMapGenerator
metadata:
  name: gen
name: generated
literals: [k=v]
`,
      'app/plugins/kustomization.yaml': `namePrefix: team-
resources: [labels.yaml]
transformers: [prefix-config.yaml]
`,
      'app/plugins/labels.yaml': `apiVersion: builtin
kind: LabelTransformer
metadata:
  name: labels
labels:
  owner: team
fieldSpecs:
- path: metadata/labels
  create: true
---
apiVersion: builtin
kind: AnnotationsTransformer
metadata:
  name: notes
annotations:
  note: "second"
fieldSpecs:
- path: metadata/annotations
  create: true
`,
      'app/plugins/prefix-config.yaml': `apiVersion: builtin
kind: AnnotationsTransformer
metadata:
  name: marks-configs
annotations:
  marked: "yes"
fieldSpecs:
- path: metadata/annotations
  create: true
`,
    },
    expected: `apiVersion: v1
data:
  a: b
kind: ConfigMap
metadata:
  annotations:
    config.kubernetes.io/origin: |
      path: cm.yaml
    note: second
  labels:
    owner: team
  name: cm
---
apiVersion: v1
data:
  k: v
kind: ConfigMap
metadata:
  annotations:
    config.kubernetes.io/origin: |
      configuredIn: gen.yaml
      configuredBy:
        apiVersion: builtin
        kind: ConfigMapGenerator
        name: gen
    note: second
  labels:
    owner: team
  name: generated-bdg947hgcc
---
apiVersion: v1
data:
  x: eQ==
kind: Secret
metadata:
  annotations:
    config.kubernetes.io/origin: |
      configuredIn: kustomization.yaml
      configuredBy:
        apiVersion: builtin
        kind: SecretGenerator
        name: inline
        namespace: ns
    note: second
  labels:
    owner: team
  name: inline-t86b282gdf
  namespace: ns
type: Opaque
`,
  },
  validatorPasses: {
    root: '/app',
    files: {
      'app/kustomization.yaml': `resources: [cm.yaml]
validators:
- |-
  apiVersion: builtin
  kind: LabelTransformer
  metadata:
    name: check
  labels:
    validated-by: checker
  fieldSpecs:
  - path: metadata/labels
    create: true
`,
      'app/cm.yaml': `apiVersion: v1
kind: ConfigMap
metadata:
  name: cm
data:
  a: b
`,
    },
    expected: `apiVersion: v1
data:
  a: b
kind: ConfigMap
metadata:
  labels:
    validated-by: checker
  name: cm
`,
  },
  validatorChanges: {
    root: '/app',
    files: {
      'app/kustomization.yaml': `resources: [cm.yaml]
validators:
- |-
  apiVersion: builtin
  kind: AnnotationsTransformer
  metadata:
    name: check
  annotations:
    changed: "yes"
  fieldSpecs:
  - path: metadata/annotations
    create: true
`,
      'app/cm.yaml': `apiVersion: v1
kind: ConfigMap
metadata:
  name: cm
data:
  a: b
`,
    },
    error: { message: "validator shouldn't modify the resource map", file: 'kustomization.yaml' },
  },
  validatorRelabels: {
    root: '/app',
    files: {
      'app/kustomization.yaml': `resources: [cm.yaml]
validators:
- |-
  apiVersion: builtin
  kind: LabelTransformer
  metadata:
    name: check
  labels:
    validated-by: checker
  fieldSpecs:
  - path: metadata/labels
    create: true
`,
      'app/cm.yaml': `apiVersion: v1
kind: ConfigMap
metadata:
  name: cm
  labels:
    app: x
`,
    },
    error: { message: "validator shouldn't modify the resource map", file: 'kustomization.yaml' },
  },
  sortOrderRefused: {
    root: '/app',
    files: {
      'app/kustomization.yaml': `resources: [cm.yaml]
transformers: [sort.yaml]
`,
      'app/cm.yaml': `apiVersion: v1
kind: ConfigMap
metadata:
  name: cm
data:
  a: b
`,
      'app/sort.yaml': `apiVersion: builtin
kind: SortOrderTransformer
metadata:
  name: s
sortOptions:
  order: fifo
`,
    },
    error: { message: "unable to load builtin SortOrderTransformer.builtin.[noGrp]", file: 'sort.yaml' },
  },
  unknownBuiltin: {
    root: '/app',
    files: {
      'app/kustomization.yaml': `resources: [cm.yaml]
transformers: [t.yaml]
`,
      'app/cm.yaml': `apiVersion: v1
kind: ConfigMap
metadata:
  name: cm
data:
  a: b
`,
      'app/t.yaml': `apiVersion: builtin
kind: FancyTransformer
metadata:
  name: f
`,
    },
    error: { message: "unable to load builtin FancyTransformer.builtin.[noGrp]", file: 't.yaml' },
  },
  external: {
    root: '/app',
    files: {
      'app/kustomization.yaml': `resources: [cm.yaml]
generators: [g.yaml]
`,
      'app/cm.yaml': `apiVersion: v1
kind: ConfigMap
metadata:
  name: cm
data:
  a: b
`,
      'app/g.yaml': `apiVersion: someteam.example.com/v1
kind: ChartInflator
metadata:
  name: c
`,
    },
    error: { message: "external plugins disabled; unable to load external plugin 'ChartInflator'", file: 'g.yaml' },
  },
  helm: {
    root: '/app',
    files: {
      'app/kustomization.yaml': `generators: [helm.yaml]
`,
      'app/helm.yaml': `apiVersion: builtin
kind: HelmChartInflationGenerator
metadata:
  name: h
chartName: minecraft
`,
    },
    error: { message: "HelmChartInflationGenerator", file: 'helm.yaml' },
  },
  generatorAsTransformer: {
    root: '/app',
    files: {
      'app/kustomization.yaml': `resources: [cm.yaml]
transformers: [g.yaml]
`,
      'app/cm.yaml': `apiVersion: v1
kind: ConfigMap
metadata:
  name: cm
data:
  a: b
`,
      'app/g.yaml': `apiVersion: builtin
kind: ConfigMapGenerator
metadata:
  name: g
literals: [a=b]
`,
    },
    error: { message: "plugin ConfigMapGenerator.builtin.[noGrp]/g.[noNs] not a transformer", file: 'g.yaml' },
  },
  transformerAsGenerator: {
    root: '/app',
    files: {
      'app/kustomization.yaml': `resources: [cm.yaml]
generators: [t.yaml]
`,
      'app/cm.yaml': `apiVersion: v1
kind: ConfigMap
metadata:
  name: cm
data:
  a: b
`,
      'app/t.yaml': `apiVersion: builtin
kind: AnnotationsTransformer
metadata:
  name: t
`,
    },
    error: { message: "plugin AnnotationsTransformer.builtin.[noGrp]/t.[noNs] not a generator", file: 't.yaml' },
  },
  duplicateConfigs: {
    root: '/app',
    files: {
      'app/kustomization.yaml': `resources: [cm.yaml]
transformers:
- |-
  apiVersion: builtin
  kind: AnnotationsTransformer
  metadata:
    name: same
- |-
  apiVersion: builtin
  kind: AnnotationsTransformer
  metadata:
    name: same
`,
      'app/cm.yaml': `apiVersion: v1
kind: ConfigMap
metadata:
  name: cm
data:
  a: b
`,
    },
    error: { message: "may not add resource with an already registered id: AnnotationsTransformer.builtin.[noGrp]/same.[noNs]", file: 'kustomization.yaml' },
  },
  badConfigType: {
    root: '/app',
    files: {
      'app/kustomization.yaml': `resources: [cm.yaml]
transformers: [labels.yaml]
`,
      'app/cm.yaml': `apiVersion: v1
kind: ConfigMap
metadata:
  name: cm
data:
  a: b
`,
      'app/labels.yaml': `apiVersion: builtin
kind: LabelTransformer
metadata:
  name: l
labels: [a, b]
`,
    },
    error: { message: "cannot unmarshal array into Go struct field LabelTransformerPlugin.labels of type map[string]string", file: 'labels.yaml' },
  },
  missingConfig: {
    root: '/app',
    files: {
      'app/kustomization.yaml': `resources: [cm.yaml]
transformers: [nothere.yaml]
`,
      'app/cm.yaml': `apiVersion: v1
kind: ConfigMap
metadata:
  name: cm
data:
  a: b
`,
    },
    error: { message: "transformers entry 'nothere.yaml'", file: 'kustomization.yaml' },
  },
  roleCheckedFirst: {
    root: '/app',
    files: {
      'app/kustomization.yaml': `generators:
- |-
  apiVersion: builtin
  kind: ConfigMapGenerator
  metadata:
    name: g
  behavior: merge
  literals: [a=b]
- |-
  apiVersion: builtin
  kind: LabelTransformer
  metadata:
    name: l
`,
    },
    error: { message: 'plugin LabelTransformer.builtin.[noGrp]/l.[noNs] not a generator', file: 'kustomization.yaml' },
  },
} satisfies Record<string, Tree>;

describe('entries: inline configs, files, directories', () => {
  it('runs inline configurations before those read from paths, for generators and transformers', () => {
    expectBuilt(trees.order);
  });
  it('builds a directory of configurations (its prefix and transformers apply to them) and records plugin origins', () => {
    expectBuilt(trees.configDirectory);
  });
  it('refuses two configurations with the same id', () => {
    expectFailure(trees.duplicateConfigs);
  });
  it('names the plugin, file and field of a config value of the wrong type', () => {
    expect(expectFailure(trees.badConfigType).location.field).toBe('labels');
  });
  it('says which entry is neither inline YAML nor an existing path', () => {
    expect(expectFailure(trees.missingConfig).location.field).toBe('transformers');
  });
});

describe('refused plugins', () => {
  it('refuses SortOrderTransformer as kustomize v5.5.0 does', () => {
    expectFailure(trees.sortOrderRefused);
  });
  it('refuses an unknown builtin kind', () => {
    expectFailure(trees.unknownBuiltin);
  });
  it('refuses external plugins', () => {
    expect(expectFailure(trees.external).code).toBe('unsupported');
  });
  it('refuses HelmChartInflationGenerator, which needs helm', () => {
    const error = expectFailure(trees.helm);
    expect(error.code).toBe('unsupported');
    expect(error.location.field).toBe('generators');
    expect(error.message).toContain('helm, an external program');
  });
  it('refuses a generator listed as a transformer, and a transformer listed as a generator', () => {
    expectFailure(trees.generatorAsTransformer);
    expectFailure(trees.transformerAsGenerator);
  });
  it('checks every plugin of a field before running any (a later misplaced transformer fails before an earlier generator)', () => {
    expectFailure(trees.roleCheckedFirst);
  });
});

describe('validators', () => {
  it('keeps the validated-by label a validator adds', () => {
    expectBuilt(trees.validatorPasses);
  });
  it('refuses a validator that changes anything else', () => {
    expectFailure(trees.validatorChanges);
  });
  it('refuses a validated-by label beside other labels, as kustomize compares rebuilt label maps', () => {
    expectFailure(trees.validatorRelabels);
  });
});

describe('transformer origins', () => {
  // kubectl kustomize with buildMetadata [originAnnotations, transformerAnnotations] records an inline
  // transformer as `configuredIn: kustomization.yaml` with its apiVersion, kind and name.
  const files = {
    'app/kustomization.yaml': `transformers:
- |-
  apiVersion: builtin
  kind: AnnotationsTransformer
  metadata:
    name: notes
  annotations:
    team: blue
  fieldSpecs:
  - path: metadata/annotations
    create: true
`,
  };
  const fs = new MemoryFileSystem(files);
  const loader = new Loader({ fs, restrictor: 'rootOnly', limits: defaultLoadLimits, buildRoot: '/app', filesRead: 0, hooks: {}, openApi: initialOpenApiState, behaviour: versionBehaviour(), warnings: [] }, '/app');
  const kustomization = loadKustomization(fs, '/app');
  const origin = { configuredIn: 'kustomization.yaml', configuredBy: { apiVersion: 'builtin', kind: 'AnnotationsTransformer', name: 'notes' } };
  const fromFile = newResource({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a' } }, { origin: { path: 'a.yaml' } });
  const unknown = newResource({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'b' } });

  it('adds the plugin as a transformation of a resource with an origin, and as the origin of one without', () => {
    const [a, b] = runPluginTransformers(loader, kustomization, [fromFile, unknown], { originPath: '', buildMetadata: ['transformerAnnotations'], inheritedNamespace: '' }) as [Resource, Resource];
    expect(a.origin).toEqual({ path: 'a.yaml' });
    expect(a.transformations).toEqual([origin]);
    expect(b.origin).toEqual(origin);
    expect(b.transformations).toBeUndefined();
  });

  it('records nothing when origins are not tracked', () => {
    const [a, b] = runPluginTransformers(loader, kustomization, [fromFile, unknown], { originPath: undefined, buildMetadata: [], inheritedNamespace: '' }) as [Resource, Resource];
    expect(a.transformations).toBeUndefined();
    expect(b.origin).toBeUndefined();
    expect(a.object).toEqual({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a', annotations: { team: 'blue' } } });
  });
});

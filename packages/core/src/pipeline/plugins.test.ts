import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Loader, defaultLoadLimits } from '../accumulate/loader.js';
import { KustomizeError } from '../errors.js';
import { MemoryFileSystem } from '../fs/filesystem.js';
import { loadKustomization } from '../kustomization/load.js';
import { newResource, type Resource } from '../resource/resource.js';
import { build } from './index.js';
import { versionBehaviour } from '../versions.js';
import { initialOpenApiState } from './openapi.js';
import { runPluginTransformers } from './plugins.js';
import { decodePluginConfig } from './plugins/decode.js';
import { insertPathPart, transformValueAdd } from './plugins/value-add.js';

/** A tree to build: its files, the directory to build, and what `kubectl kustomize` (v5.5.0) did with it. */
interface Tree {
  readonly root: string;
  readonly files: Readonly<Record<string, string>>;
  /** The output of `kubectl kustomize` on the same tree. */
  readonly expected?: string;
  /** Part of kubectl's error message, and the file ours names. */
  readonly error?: { readonly message: string; readonly file?: string };
}

/**
 * Every tree below was written to /tmp and built with `kubectl kustomize` (Kustomize v5.5.0); `expected` is
 * its output byte for byte, `error.message` a piece of its error message.
 */
const trees = {
  labelsAndAnnotations: {
    root: '/app',
    files: {
      'app/kustomization.yaml': `resources: [cm.yaml]
transformers:
- annotations.yaml
- |-
  apiVersion: builtin
  kind: LabelTransformer
  metadata:
    name: inline-labels
  Labels:
    n: 1
    f: 1.50
    b: true
  unknownField: ignored
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
      'app/annotations.yaml': `apiVersion: builtin
kind: AnnotationsTransformer
metadata:
  name: notes
annotations:
  team: blue
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
    team: blue
  labels:
    b: "true"
    f: "1.5"
    "n": "1"
  name: cm
`,
  },
  namespace: {
    root: '/app',
    files: {
      'app/kustomization.yaml': `resources: [resources.yaml]
transformers: [namespace.yaml]
`,
      'app/resources.yaml': `apiVersion: v1
kind: ConfigMap
metadata:
  name: keep
  namespace: already
---
apiVersion: v1
kind: ServiceAccount
metadata:
  name: sa
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: rb
subjects:
- kind: ServiceAccount
  name: sa
- kind: ServiceAccount
  name: default
  namespace: other
---
apiVersion: v1
kind: Namespace
metadata:
  name: cluster-wide
`,
      'app/namespace.yaml': `apiVersion: builtin
kind: NamespaceTransformer
metadata:
  name: ns
  namespace: target
unsetOnly: true
setRoleBindingSubjects: allServiceAccounts
fieldSpecs:
- path: metadata/namespace
  create: true
`,
    },
    expected: `apiVersion: v1
kind: Namespace
metadata:
  name: cluster-wide
---
apiVersion: v1
kind: ServiceAccount
metadata:
  name: sa
  namespace: target
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: rb
  namespace: target
subjects:
- kind: ServiceAccount
  name: sa
  namespace: target
- kind: ServiceAccount
  name: default
  namespace: other
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: keep
  namespace: already
`,
  },
  namespaceBadMode: {
    root: '/app',
    files: {
      'app/kustomization.yaml': `resources: [cm.yaml]
transformers: [ns.yaml]
`,
      'app/cm.yaml': `apiVersion: v1
kind: ConfigMap
metadata:
  name: cm
data:
  a: b
`,
      'app/ns.yaml': `apiVersion: builtin
kind: NamespaceTransformer
metadata:
  name: ns
  namespace: x
setRoleBindingSubjects: everything
`,
    },
    error: { message: "invalid value \"everything\" for setRoleBindingSubjects", file: 'ns.yaml' },
  },
  prefixSuffix: {
    root: '/app',
    files: {
      'app/kustomization.yaml': `resources: [cm.yaml, deploy.yaml]
transformers:
- prefix.yaml
- |-
  apiVersion: builtin
  kind: PrefixSuffixTransformer
  metadata:
    name: both
  prefix: p-
  suffix: -s
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
      'app/deploy.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 1
  template:
    spec:
      containers:
      - name: app
        image: nginx:1.7
        envFrom:
        - configMapRef:
            name: cm
`,
      'app/prefix.yaml': `apiVersion: builtin
kind: SuffixTransformer
metadata:
  name: suffix
suffix: -v1
fieldSpecs:
- kind: ConfigMap
  path: metadata/name
`,
    },
    expected: `apiVersion: v1
data:
  a: b
kind: ConfigMap
metadata:
  name: p-cm-s-v1
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: p-web-s
spec:
  replicas: 1
  template:
    spec:
      containers:
      - envFrom:
        - configMapRef:
            name: p-cm-s-v1
        image: nginx:1.7
        name: app
`,
  },
  prefixWithoutFieldSpecs: {
    root: '/app',
    files: {
      'app/kustomization.yaml': `resources: [cm.yaml]
transformers: [prefix.yaml]
`,
      'app/cm.yaml': `apiVersion: v1
kind: ConfigMap
metadata:
  name: cm
data:
  a: b
`,
      'app/prefix.yaml': `apiVersion: builtin
kind: PrefixTransformer
metadata:
  name: p
prefix: x-
`,
    },
    error: { message: "fieldSpecs is not expected to be nil", file: 'prefix.yaml' },
  },
  prefixKeysMatchExactly: {
    root: '/app',
    files: {
      'app/kustomization.yaml': `resources: [cm.yaml]
transformers: [prefix.yaml]
`,
      'app/cm.yaml': `apiVersion: v1
kind: ConfigMap
metadata:
  name: cm
data:
  a: b
`,
      'app/prefix.yaml': `apiVersion: builtin
kind: PrefixTransformer
metadata:
  name: p
Prefix: x-
fieldSpecs:
- path: metadata/name
`,
    },
    expected: `apiVersion: v1
data:
  a: b
kind: ConfigMap
metadata:
  name: cm
`,
  },
  imagesAndReplicas: {
    root: '/app',
    files: {
      'app/kustomization.yaml': `resources: [deploy.yaml]
transformers:
- |-
  apiVersion: builtin
  kind: ImageTagTransformer
  metadata:
    name: images
  imageTag:
    name: nginx
    newName: registry.example/nginx
    newTag: "1.25"
- |-
  apiVersion: builtin
  kind: ReplicaCountTransformer
  metadata:
    name: replicas
  replica:
    name: web
    count: 3
  fieldSpecs:
  - kind: Deployment
    path: spec/replicas
    create: true
`,
      'app/deploy.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 1
  template:
    spec:
      containers:
      - name: app
        image: nginx:1.7
        envFrom:
        - configMapRef:
            name: cm
`,
    },
    expected: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 3
  template:
    spec:
      containers:
      - envFrom:
        - configMapRef:
            name: cm
        image: registry.example/nginx:1.25
        name: app
`,
  },
  replicasNoMatch: {
    root: '/app',
    files: {
      'app/kustomization.yaml': `resources: [deploy.yaml]
transformers: [replicas.yaml]
`,
      'app/deploy.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 1
  template:
    spec:
      containers:
      - name: app
        image: nginx:1.7
        envFrom:
        - configMapRef:
            name: cm
`,
      'app/replicas.yaml': `apiVersion: builtin
kind: ReplicaCountTransformer
metadata:
  name: r
replica:
  name: other
  count: 2
fieldSpecs:
- kind: Deployment
  path: spec/replicas
`,
    },
    error: { message: "resource with name other does not match a config with the following GVK [Deployment.[noVer].[noGrp]]", file: 'replicas.yaml' },
  },
  replacements: {
    root: '/app',
    files: {
      'app/kustomization.yaml': `resources: [cm.yaml, deploy.yaml]
transformers: [replacements.yaml]
`,
      'app/cm.yaml': `apiVersion: v1
kind: ConfigMap
metadata:
  name: cm
data:
  a: b
`,
      'app/deploy.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 1
  template:
    spec:
      containers:
      - name: app
        image: nginx:1.7
        envFrom:
        - configMapRef:
            name: cm
`,
      'app/replacements.yaml': `apiVersion: builtin
kind: ReplacementTransformer
metadata:
  name: r
replacements:
- source:
    kind: ConfigMap
    name: cm
    fieldPath: data.a
  targets:
  - select:
      kind: Deployment
    fieldPaths:
    - spec.template.spec.containers.[name=app].env.[name=A].value
    options:
      create: true
- path: more.yaml
`,
      'app/more.yaml': `source:
  kind: Deployment
  fieldPath: metadata.name
targets:
- select:
    kind: ConfigMap
  fieldPaths: [data.owner]
  options:
    create: true
`,
    },
    expected: `apiVersion: v1
data:
  a: b
  owner: web
kind: ConfigMap
metadata:
  name: cm
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 1
  template:
    spec:
      containers:
      - env:
        - name: A
          value: b
        envFrom:
        - configMapRef:
            name: cm
        image: nginx:1.7
        name: app
`,
  },
  valueAdd: {
    root: '/proj-42',
    files: {
      'proj-42/kustomization.yaml': `resources: [resources.yaml]
transformers: [../shared/value]
`,
      'proj-42/resources.yaml': `apiVersion: v1
kind: ConfigMap
metadata:
  name: cm
data:
  path: /data/logs
---
apiVersion: v1
kind: Secret
metadata:
  name: s
  labels:
    pick: me
`,
      'shared/value/kustomization.yaml': `resources: [value.yaml]
`,
      'shared/value/value.yaml': `apiVersion: builtin
kind: ValueAddTransformer
metadata:
  name: project
targets:
- fieldPath: metadata/namespace
- selector:
    kind: ConfigMap
  fieldPath: data/path
  filePathPosition: 2
- selector:
    labelSelector: pick=me
  fieldPath: metadata/annotations/project
`,
    },
    expected: `apiVersion: v1
data:
  path: /data/proj-42/logs
kind: ConfigMap
metadata:
  name: cm
  namespace: proj-42
---
apiVersion: v1
kind: Secret
metadata:
  annotations:
    project: proj-42
  labels:
    pick: me
  name: s
  namespace: proj-42
`,
  },
  valueAddTargetFile: {
    root: '/app',
    files: {
      'app/kustomization.yaml': `resources: [cm.yaml]
transformers: [value.yaml]
`,
      'app/cm.yaml': `apiVersion: v1
kind: ConfigMap
metadata:
  name: cm
data:
  a: b
`,
      'app/value.yaml': `apiVersion: builtin
kind: ValueAddTransformer
metadata:
  name: v
value: " blue "
targetFilePath: targets.yaml
`,
      'app/targets.yaml': `targets:
- fieldPath: data/color
- fieldPath: data/a
  filePathPosition: 1
`,
    },
    expected: `apiVersion: v1
data:
  a: blue/b
  color: blue
kind: ConfigMap
metadata:
  name: cm
`,
  },
  valueAddNoTargets: {
    root: '/app',
    files: {
      'app/kustomization.yaml': `resources: [cm.yaml]
transformers: [value.yaml]
`,
      'app/cm.yaml': `apiVersion: v1
kind: ConfigMap
metadata:
  name: cm
data:
  a: b
`,
      'app/value.yaml': `apiVersion: builtin
kind: ValueAddTransformer
metadata:
  name: v
value: x
`,
    },
    error: { message: "must specify at least one target", file: 'value.yaml' },
  },
  hashTwice: {
    root: '/app',
    files: {
      'app/kustomization.yaml': `configMapGenerator:
- name: cm
  literals: [a=b]
transformers:
- |-
  apiVersion: builtin
  kind: HashTransformer
  metadata:
    name: h
`,
    },
    expected: `apiVersion: v1
data:
  a: b
kind: ConfigMap
metadata:
  name: cm-4h2mbtbbt6-4h2mbtbbt6
`,
  },
  generators: {
    root: '/app',
    files: {
      'base/kustomization.yaml': `configMapGenerator:
- name: settings
  literals: [mode=base, size=1]
`,
      'app/kustomization.yaml': `resources: [../base]
generators:
- secret.yaml
- |-
  apiVersion: builtin
  kind: ConfigMapGenerator
  metadata:
    name: settings
  behavior: merge
  literals: [mode=overlay]
- |-
  apiVersion: builtin
  kind: ConfigMapGenerator
  metadata:
    name: from-meta
    namespace: team
  envs: [app.env]
  options:
    disableNameSuffixHash: true
    labels:
      kind: generated
`,
      'app/app.env': `KEY=value
`,
      'app/secret.yaml': `apiVersion: builtin
kind: SecretGenerator
metadata:
  name: ignored
name: creds
type: kubernetes.io/basic-auth
literals:
- username=admin
- password=secret
`,
    },
    expected: `apiVersion: v1
data:
  KEY: value
kind: ConfigMap
metadata:
  labels:
    kind: generated
  name: from-meta
  namespace: team
---
apiVersion: v1
data:
  mode: overlay
  size: "1"
kind: ConfigMap
metadata:
  name: settings-bd7686m8ht
---
apiVersion: v1
data:
  password: c2VjcmV0
  username: YWRtaW4=
kind: Secret
metadata:
  name: creds-2f4dg77t4h
type: kubernetes.io/basic-auth
`,
  },
  iamPolicy: {
    root: '/app',
    files: {
      'app/kustomization.yaml': `generators: [gke.yaml]
`,
      'app/gke.yaml': `apiVersion: builtin
kind: IAMPolicyGenerator
metadata:
  name: gke
cloud: gke
kubernetesService:
  name: ksa
  namespace: apps
serviceAccount:
  name: gsa
  projectId: my-project
`,
    },
    expected: `apiVersion: v1
kind: ServiceAccount
metadata:
  annotations:
    iam.gke.io/gcp-service-account: gsa@my-project.iam.gserviceaccount.com
  name: ksa
  namespace: apps
`,
  },
  iamPolicyOtherCloud: {
    root: '/app',
    files: {
      'app/kustomization.yaml': `generators: [iam.yaml]
`,
      'app/iam.yaml': `apiVersion: builtin
kind: IAMPolicyGenerator
metadata:
  name: x
cloud: aws
`,
    },
    error: { message: "cloud provider aws not supported yet", file: 'iam.yaml' },
  },
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
  patches: {
    root: '/app',
    files: {
      'app/kustomization.yaml': `resources: [deploy.yaml, cm.yaml]
transformers:
- |-
  apiVersion: builtin
  kind: PatchTransformer
  metadata:
    name: sm
  target:
    kind: Deployment
  patch: |-
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: any
    spec:
      template:
        metadata:
          labels:
            patched: sm
- json.yaml
- psm.yaml
`,
      'app/deploy.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 1
  template:
    spec:
      containers:
      - name: app
        image: nginx:1.7
        envFrom:
        - configMapRef:
            name: cm
`,
      'app/cm.yaml': `apiVersion: v1
kind: ConfigMap
metadata:
  name: cm
data:
  a: b
`,
      'app/json.yaml': `apiVersion: builtin
kind: PatchJson6902Transformer
metadata:
  name: json
target:
  kind: Deployment
  name: web
jsonOp: |-
  - op: replace
    path: /spec/replicas
    value: 5
`,
      'app/psm.yaml': `apiVersion: builtin
kind: PatchStrategicMergeTransformer
metadata:
  name: psm
paths:
- cm-patch.yaml
patches: |-
  apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: web
  spec:
    template:
      spec:
        containers:
        - name: app
          image: nginx:1.25
`,
      'app/cm-patch.yaml': `apiVersion: v1
kind: ConfigMap
metadata:
  name: cm
data:
  extra: "1"
`,
    },
    expected: `apiVersion: v1
data:
  a: b
  extra: "1"
kind: ConfigMap
metadata:
  name: cm
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 5
  template:
    metadata:
      labels:
        patched: sm
    spec:
      containers:
      - envFrom:
        - configMapRef:
            name: cm
        image: nginx:1.25
        name: app
`,
  },
  patchFromPath: {
    root: '/app',
    files: {
      'app/kustomization.yaml': `resources: [deploy.yaml]
transformers: [patch.yaml]
`,
      'app/deploy.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 1
  template:
    spec:
      containers:
      - name: app
        image: nginx:1.7
        envFrom:
        - configMapRef:
            name: cm
`,
      'app/patch.yaml': `apiVersion: builtin
kind: PatchTransformer
metadata:
  name: p
path: ops.yaml
target:
  name: web
`,
      'app/ops.yaml': `- op: add
  path: /metadata/annotations
  value:
    from: path
`,
    },
    expected: `apiVersion: apps/v1
kind: Deployment
metadata:
  annotations:
    from: path
  name: web
spec:
  replicas: 1
  template:
    spec:
      containers:
      - envFrom:
        - configMapRef:
            name: cm
        image: nginx:1.7
        name: app
`,
  },
  strategicMergeEmpty: {
    root: '/app',
    files: {
      'app/kustomization.yaml': `resources: [cm.yaml]
transformers: [psm.yaml]
`,
      'app/cm.yaml': `apiVersion: v1
kind: ConfigMap
metadata:
  name: cm
data:
  a: b
`,
      'app/psm.yaml': `apiVersion: builtin
kind: PatchStrategicMergeTransformer
metadata:
  name: psm
`,
    },
    error: { message: 'empty file path and empty patch content', file: 'psm.yaml' },
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

function buildTree(tree: Tree): string {
  return build({ fs: new MemoryFileSystem(tree.files), path: tree.root }).yaml;
}

function buildError(tree: Tree): KustomizeError {
  try {
    buildTree(tree);
  } catch (error) {
    if (error instanceof KustomizeError) return error;
    throw error;
  }
  throw new Error('the build succeeded');
}

function expectBuilt(tree: Tree): void {
  expect(buildTree(tree)).toBe(tree.expected);
}

function expectFailure(tree: Tree): KustomizeError {
  const error = buildError(tree);
  expect(error.message).toContain(tree.error!.message);
  if (tree.error!.file !== undefined) expect(error.location.file).toBe(tree.error!.file);
  return error;
}

describe('transformers: builtin transformer kinds', () => {
  it('runs AnnotationsTransformer from a file and LabelTransformer inline, decoding configs as kustomize (keys ignoring case, unknown fields ignored, scalars as text)', () => {
    expectBuilt(trees.labelsAndAnnotations);
  });
  it('runs NamespaceTransformer with unsetOnly and setRoleBindingSubjects', () => {
    expectBuilt(trees.namespace);
  });
  it('refuses an unknown setRoleBindingSubjects', () => {
    expectFailure(trees.namespaceBadMode);
  });
  it('runs SuffixTransformer and PrefixSuffixTransformer; name references follow the new names', () => {
    expectBuilt(trees.prefixSuffix);
  });
  it('refuses a PrefixTransformer without fieldSpecs', () => {
    expectFailure(trees.prefixWithoutFieldSpecs);
  });
  it('matches PrefixTransformer keys exactly (go-yaml v3), so `Prefix:` is ignored', () => {
    expectBuilt(trees.prefixKeysMatchExactly);
  });
  it('runs ImageTagTransformer and ReplicaCountTransformer', () => {
    expectBuilt(trees.imagesAndReplicas);
  });
  it('fails a ReplicaCountTransformer that matches nothing', () => {
    expectFailure(trees.replicasNoMatch);
  });
  it('runs ReplacementTransformer with inline and path replacements', () => {
    expectBuilt(trees.replacements);
  });
  it('runs a ValueAddTransformer from a directory, defaulting the value to the kustomization directory name', () => {
    expectBuilt(trees.valueAdd);
  });
  it('reads ValueAddTransformer targets from targetFilePath and trims the value', () => {
    expectBuilt(trees.valueAddTargetFile);
  });
  it('refuses a ValueAddTransformer without targets', () => {
    expectFailure(trees.valueAddNoTargets);
  });
  it('runs HashTransformer, so generated names are hashed again at the end, as kustomize does', () => {
    expectBuilt(trees.hashTwice);
  });
});

describe('transformers: patch kinds', () => {
  it('runs PatchTransformer (strategic merge with a target), PatchJson6902Transformer and PatchStrategicMergeTransformer (paths and inline)', () => {
    expectBuilt(trees.patches);
  });
  it('runs a PatchTransformer whose path holds JSON6902 operations as YAML', () => {
    expectBuilt(trees.patchFromPath);
  });
  it('refuses a PatchStrategicMergeTransformer without paths or patches', () => {
    expectFailure(trees.strategicMergeEmpty);
  });
});

describe('generators: builtin generator kinds', () => {
  it('runs SecretGenerator and ConfigMapGenerator plugins: name and namespace from metadata, options, merge into a base', () => {
    expectBuilt(trees.generators);
  });
  it('runs IAMPolicyGenerator for gke', () => {
    expectBuilt(trees.iamPolicy);
  });
  it('refuses an IAMPolicyGenerator for another cloud', () => {
    expectFailure(trees.iamPolicyOtherCloud);
  });
});

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
  const loader = new Loader({ fs, restrictor: 'rootOnly', limits: defaultLoadLimits, buildRoot: '/app', filesRead: 0, hooks: {}, openApi: initialOpenApiState, behaviour: versionBehaviour() }, '/app');
  const kustomization = loadKustomization(fs, '/app');
  const origin = { configuredIn: 'kustomization.yaml', configuredBy: { apiVersion: 'builtin', kind: 'AnnotationsTransformer', name: 'notes' } };
  const fromFile = newResource({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a' } }, { origin: { path: 'a.yaml' } });
  const unknown = newResource({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'b' } });

  it('adds the plugin as a transformation of a resource with an origin, and as the origin of one without', () => {
    const [a, b] = runPluginTransformers(loader, kustomization, [fromFile, unknown], { originPath: '', buildMetadata: ['transformerAnnotations'] }) as [Resource, Resource];
    expect(a.origin).toEqual({ path: 'a.yaml' });
    expect(a.transformations).toEqual([origin]);
    expect(b.origin).toEqual(origin);
    expect(b.transformations).toBeUndefined();
  });

  it('records nothing when origins are not tracked', () => {
    const [a, b] = runPluginTransformers(loader, kustomization, [fromFile, unknown], { originPath: undefined, buildMetadata: [] }) as [Resource, Resource];
    expect(a.transformations).toBeUndefined();
    expect(b.origin).toBeUndefined();
    expect(a.object).toEqual({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a', annotations: { team: 'blue' } } });
  });
});

describe('decodePluginConfig', () => {
  const source = { plugin: 'X.builtin.[noGrp]/x.[noNs]', struct: 'XPlugin', file: 'x.yaml' };
  const shape = { name: 'string', count: 'int', labels: 'stringMap', items: 'stringList', on: 'bool' } as const;

  it('reads keys ignoring case and skips unknown and null fields (sigs.k8s.io/yaml)', () => {
    expect(decodePluginConfig({ NAME: 'a', other: 1, count: null }, shape, 'sigs-yaml', source)).toEqual({ name: 'a' });
  });

  it('matches keys exactly under go-yaml v3', () => {
    expect(decodePluginConfig({ NAME: 'a', name: 'b' }, shape, 'yaml-v3', source)).toEqual({ name: 'b' });
  });

  it('turns numbers and booleans into text where a string is wanted, floats with float32 precision', () => {
    // kubectl kustomize printed labels {n: 1, f: 1.50, b: true, z: null} of a LabelTransformer as "1", "1.5", "true", "".
    expect(decodePluginConfig({ labels: { n: 1, f: 1.5, b: true, z: null, t: 0.1 } }, shape, 'sigs-yaml', source)).toEqual({
      labels: { n: '1', f: '1.5', b: 'true', z: '', t: '0.1' },
    });
    expect(decodePluginConfig({ items: [1, null, 'x'] }, shape, 'sigs-yaml', source)).toEqual({ items: ['1', '', 'x'] });
  });

  it('refuses values of the wrong type, naming the Go struct field', () => {
    expect(() => decodePluginConfig({ count: 1.5 }, shape, 'sigs-yaml', source)).toThrow('json: cannot unmarshal number 1.5 into Go struct field XPlugin.count of type int');
    expect(() => decodePluginConfig({ on: 'true' }, shape, 'sigs-yaml', source)).toThrow('cannot unmarshal string into Go struct field XPlugin.on of type bool');
    expect(() => decodePluginConfig({ name: ['a'] }, shape, 'yaml-v3', source)).toThrow('cannot unmarshal !!seq into string');
  });
});

describe('insertPathPart', () => {
  // The table of kustomize's filesys.InsertPathPart documentation, part PEACH.
  it.each([
    ['', 0, 'PEACH'],
    ['/', 0, '/PEACH'],
    ['pie', 0, 'PEACH/pie'],
    ['/pie', 0, '/PEACH/pie'],
    ['raw', 1, 'raw/PEACH'],
    ['/raw', 1, '/raw/PEACH'],
    ['a/nice/warm/pie', 3, 'a/nice/warm/PEACH/pie'],
    ['/a/nice/warm/pie', 3, '/a/nice/warm/PEACH/pie'],
    ['a/b', 9999, 'a/b/PEACH'],
    ['a/b', -3, 'PEACH/a/b'],
  ])('inserts into %j at %i', (path, position, expected) => {
    expect(insertPathPart(path, position, 'PEACH')).toBe(expected);
  });

  it('puts the part at the position among clean segments, keeping a leading slash', () => {
    const segment = fc.stringMatching(/^[a-z]{1,5}$/);
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 6 }), fc.integer({ min: -2, max: 9 }), fc.boolean(), (segments, position, absolute) => {
        const path = `${absolute ? '/' : ''}${segments.join('/')}`;
        const expected = [...segments];
        expected.splice(Math.min(Math.max(position, 0), segments.length), 0, 'PEACH');
        expect(insertPathPart(path, position, 'PEACH')).toBe(`${absolute ? '/' : ''}${expected.join('/')}`);
      }),
    );
  });

  it('leaves the path alone for an empty part', () => {
    expect(insertPathPart('a//b', 1, '')).toBe('a//b');
  });
});

describe('transformValueAdd', () => {
  const pod = newResource({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'app', image: 'x' }] } });

  it('finds or appends [key=value] list elements', () => {
    const [out] = transformValueAdd([pod], {
      value: 'v',
      targets: [{ fieldPath: 'spec/containers/[name=app]/workingDir' }, { fieldPath: 'spec/containers/[name=side]/image' }],
    });
    expect(out!.object['spec']).toEqual({ containers: [{ name: 'app', image: 'x', workingDir: 'v' }, { name: 'side', image: 'v' }] });
  });

  it('refuses a field that holds a map', () => {
    expect(() => transformValueAdd([pod], { value: 'v', targets: [{ fieldPath: 'metadata' }] })).toThrow('expected ScalarNode but got MappingNode');
  });

  it('sets the namespace of namespaced kinds only, without remembering the old id', () => {
    const namespace = newResource({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'n' } });
    const [p, n] = transformValueAdd([pod, namespace], { value: 'team', targets: [{ fieldPath: 'metadata/namespace' }] });
    expect(p!.object['metadata']).toEqual({ name: 'p', namespace: 'team' });
    expect(p!.previousIds).toEqual([]);
    expect(n).toBe(namespace);
  });
});

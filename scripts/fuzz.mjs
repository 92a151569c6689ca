#!/usr/bin/env node
/**
 * Fuzzing of `build()`: generated kustomization trees, from valid building blocks (resources, bases,
 * components, patches, generators, transformers, replacements, vars), random mutations of their files and
 * random bytes. The only acceptable outcomes are a build or a KustomizeError, within a time bound, with
 * Object.prototype left as it was.
 *
 * As a module it exports the input generator and the check of one input; test/fuzz.test.ts runs a few
 * hundred inputs against the sources. As a script (`pnpm fuzz`) it runs many inputs against the built
 * dist, in worker threads watched for hangs and crashes:
 *
 *   node scripts/fuzz.mjs [--runs 100000] [--seed N] [--timeout-ms 10000] [--workers N] [--save DIR] [--only INDEX]
 *
 * Exit status 1 when any input crashed, hung, threw something other than a KustomizeError or polluted a prototype.
 */
import fc from 'fast-check';
import { stringify } from 'yaml';

// ---- building blocks ----

/** Keys that are special to JavaScript objects: a build must treat them as data. */
const prototypeKeys = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf'];
const keyArb = fc.constantFrom('app', 'tier', 'team', 'a.b/c', 'k', ...prototypeKeys);
const nameArb = fc.constantFrom('web', 'db', 'cache', 'api', 'x', 'web-1', `${'a'.repeat(36)}!`, ...prototypeKeys);
const textArb = fc.oneof(
  fc.constantFrom('v1', 'prod', 'nginx:1.25', '$(VAR)', 'true', '0x1F', '1e3', '~', 'null', '', ' spaced ', 'a: b', '- x', '"q"', "'s'", '#c', '&a', '*a', '<<'),
  fc.string({ maxLength: 12 }),
);
const scalarArb = fc.oneof(textArb, fc.integer({ min: -5, max: 100 }), fc.boolean(), fc.constant(null), fc.double({ noNaN: true, noDefaultInfinity: true }));

/**
 * Scalars written as YAML text the `yaml` package never writes itself (`1.50`, `0x10`, `~`, an empty value):
 * what kustomize reads as YAML nodes keeping their text and tag. {@link rawScalar} marks one in a generated
 * object; {@link yamlText} writes the object with the marks replaced by the text.
 */
const rawTexts = ['8080', 'true', 'True', '1.50', '1.0', '0x10', '1e3', '.5', '-0', '+1', '~', 'null', '', '2001-12-14', '"8080"', "'x'", 'yes', 'plain', '1e5', '5', 't', '"1"'];
const rawScalar = (text) => `@@raw${rawTexts.indexOf(text)}@@`;
const rawScalarArb = fc.constantFrom(...rawTexts.slice(0, 18)).map(rawScalar);
/** YAML text of `value` (the `yaml` package's `stringify`), raw scalars written as their text. */
export function yamlText(value) {
  return stringify(value).replace(/(["']?)@@raw(\d+)@@\1/g, (_, _quote, index) => rawTexts[Number(index)]);
}
const namespaceArb = fc.constantFrom('default', 'prod', 'kube-system', '__proto__');

/** An object built from entries with own properties only, so `__proto__` is a key, not a prototype. */
function object(entries) {
  const out = {};
  for (const [key, value] of entries) {
    if (value !== undefined) Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

const stringMapArb = fc.array(fc.tuple(keyArb, textArb), { maxLength: 3 }).map(object);
/** Annotations and data as people write them: strings, but also numbers, booleans and nulls in YAML's spellings. */
const looseMapArb = fc.array(fc.tuple(keyArb, fc.oneof(textArb, rawScalarArb)), { maxLength: 3 }).map(object);
const jsonArb = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalarArb, tie('array'), tie('object')),
  array: fc.array(tie('value'), { maxLength: 3 }),
  object: fc.array(fc.tuple(keyArb, tie('value')), { maxLength: 3 }).map(object),
})).value;

const containerArb = fc.record({
  name: nameArb,
  image: fc.constantFrom('nginx', 'nginx:1.25', 'redis@sha256:abc', 'my.registry:5000/app:v2', 'busybox', `${'a'.repeat(36)}!`),
  env: fc.option(fc.array(fc.record({ name: fc.constantFrom('A', 'VAR', '__proto__'), value: fc.oneof(textArb, rawScalarArb) }), { maxLength: 2 }), { nil: undefined }),
  ports: fc.option(fc.array(fc.record({ containerPort: fc.integer({ min: 1, max: 9000 }) }), { maxLength: 2 }), { nil: undefined }),
  args: fc.option(rawScalarArb, { nil: undefined }),
});

function metadata(name, labels, namespace, extra, annotations) {
  return object([['name', name], ['namespace', namespace], ['labels', labels], ['annotations', annotations], ...extra]);
}

const metaArb = fc.record({
  name: fc.oneof({ weight: 6, arbitrary: nameArb }, { weight: 1, arbitrary: fc.constantFrom(rawScalar('1e5'), rawScalar('5'), rawScalar('t'), rawScalar('"1"')) }),
  labels: fc.option(stringMapArb, { nil: undefined }),
  annotations: fc.option(looseMapArb, { nil: undefined }),
  namespace: fc.option(namespaceArb, { nil: undefined }),
  extra: fc.array(fc.tuple(keyArb, jsonArb), { maxLength: 2 }),
});

const resourceArb = fc.oneof(
  fc.record({ meta: metaArb, replicas: fc.option(fc.oneof(fc.integer({ min: 0, max: 5 }), rawScalarArb), { nil: undefined }), containers: fc.array(containerArb, { minLength: 1, maxLength: 2 }), kind: fc.constantFrom('Deployment', 'StatefulSet'), strategy: fc.option(fc.constant({ rollingUpdate: rawScalar('') }), { nil: undefined }) }).map(
    ({ meta, replicas, containers, kind, strategy }) => ({
      apiVersion: 'apps/v1',
      kind,
      metadata: metadata(meta.name, meta.labels, meta.namespace, meta.extra, meta.annotations),
      spec: object([['replicas', replicas], ['selector', { matchLabels: meta.labels ?? {} }], ['strategy', strategy], ['template', { metadata: { labels: meta.labels ?? {} }, spec: { containers } }]]),
    }),
  ),
  fc.record({ meta: metaArb, data: looseMapArb }).map(({ meta, data }) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: metadata(meta.name, meta.labels, meta.namespace, meta.extra, meta.annotations), data })),
  fc.record({ meta: metaArb, data: stringMapArb }).map(({ meta, data }) => ({ apiVersion: 'v1', kind: 'Secret', type: 'Opaque', metadata: metadata(meta.name, meta.labels, meta.namespace, meta.extra, meta.annotations), stringData: data })),
  fc.record({ meta: metaArb, selector: stringMapArb }).map(({ meta, selector }) => ({ apiVersion: 'v1', kind: 'Service', metadata: metadata(meta.name, meta.labels, meta.namespace, meta.extra, meta.annotations), spec: { selector, ports: [{ port: 80 }] } })),
  fc.record({ meta: metaArb, ref: nameArb }).map(({ meta, ref }) => ({
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'RoleBinding',
    metadata: metadata(meta.name, meta.labels, meta.namespace, meta.extra, meta.annotations),
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: ref },
    subjects: [{ kind: 'ServiceAccount', name: ref, namespace: meta.namespace ?? 'default' }],
  })),
  fc.record({ name: nameArb }).map(({ name }) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } })),
  fc.record({ meta: metaArb, body: jsonArb, kind: fc.constantFrom('Widget', 'ConfigMapList', 'List') }).map(({ meta, body, kind }) => ({
    apiVersion: kind === 'Widget' ? 'example.com/v1' : 'v1',
    kind,
    metadata: metadata(meta.name, meta.labels, meta.namespace, meta.extra, meta.annotations),
    ...(kind === 'Widget' ? { spec: body } : { items: [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: meta.name }, data: { k: 'v' } }] }),
  })),
);

const kindArb = fc.constantFrom('Deployment', 'ConfigMap', 'Secret', 'Service', 'Widget', 'StatefulSet', 'RoleBinding', 'Namespace');
/** Selector values: names, regular expressions kustomize accepts (some that backtracking engines take exponential time on), and broken ones. */
const patternArb = fc.constantFrom('web', 'db', '.*', 'w.b', '(web|db)', 'web-[0-9]+', '[', '(', '__proto__', 'constructor', 'x*', '', '(a|a)*', '(a+)+', '(?i)WEB', '\\pL+');
const selectorArb = fc
  .record({
    kind: fc.option(kindArb, { nil: undefined }),
    name: fc.option(patternArb, { nil: undefined }),
    namespace: fc.option(namespaceArb, { nil: undefined }),
    labelSelector: fc.option(fc.constantFrom('app=web', 'app in (web,db)', '!app', 'app!=x', 'bad selector ===', '__proto__=x'), { nil: undefined }),
    annotationSelector: fc.option(fc.constantFrom('a=b', 'x'), { nil: undefined }),
    group: fc.option(fc.constantFrom('apps', '', 'example.com'), { nil: undefined }),
    version: fc.option(fc.constantFrom('v1', 'v2'), { nil: undefined }),
  })
  .map((selector) => object(Object.entries(selector)));
const fieldPathArb = fc.constantFrom(
  'metadata.name',
  'metadata.namespace',
  'metadata.labels.app',
  'metadata.annotations.note',
  'spec.replicas',
  'data.k',
  'spec.template.spec.containers.[name=web].image',
  'spec.template.spec.containers.0.image',
  'spec.template.spec.containers.*.name',
  'metadata.__proto__.polluted',
  'constructor.prototype.polluted',
  'data.[=x]',
  'spec.selector.matchLabels',
  'metadata.labels.[a.b/c]',
  'metadata.annotations.app',
  'data.app',
  'spec.strategy.rollingUpdate',
  'spec.template.spec.containers.0.args',
  '[',
  'a..b',
  '',
);
const pointerArb = fc.constantFrom(
  '/metadata/name',
  '/metadata/labels/x',
  '/metadata/labels',
  '/metadata/__proto__/polluted',
  '/metadata/__proto__',
  '/metadata/constructor/prototype/polluted',
  '/__proto__/polluted',
  '/spec/replicas',
  '/data/k',
  '/spec/template/spec/containers/0/image',
  '/spec/template/spec/containers/0/args',
  '/spec/template/spec/containers/-',
  '/spec/template/spec/containers/01',
  '/a~1b',
  '/a~2',
  '/',
  '',
  'no-slash',
);
const jsonPatchArb = fc.array(
  fc.record({ op: fc.constantFrom('add', 'remove', 'replace', 'move', 'copy', 'test', 'bogus'), path: pointerArb, from: fc.option(pointerArb, { nil: undefined }), value: fc.option(jsonArb, { nil: undefined }) }).map((op) => object(Object.entries(op))),
  { minLength: 1, maxLength: 4 },
);
const smpDirectiveArb = fc.constantFrom(
  [],
  [['$patch', 'delete']],
  [['$patch', 'replace']],
  [['$patch', 'bogus']],
  [['$setElementOrder/containers', [{ name: 'web' }, { name: 'db' }]]],
  [['$retainKeys', ['replicas']]],
  [['$deleteFromPrimitiveList/args', ['x']]],
);
const smpPatchArb = fc.record({ resource: resourceArb, directive: smpDirectiveArb, extra: fc.array(fc.tuple(keyArb, jsonArb), { maxLength: 2 }) }).map(({ resource, directive, extra }) => {
  const spec = object([...Object.entries(resource.spec ?? {}), ...directive]);
  return object([...Object.entries(resource), ['spec', spec], ...extra]);
});

const replacementArb = fc.record({
  source: fc.record({ kind: kindArb, name: fc.option(nameArb, { nil: undefined }), fieldPath: fc.option(fieldPathArb, { nil: undefined }) }).map((s) => object(Object.entries(s))),
  targets: fc.array(
    fc
      .record({
        select: selectorArb,
        reject: fc.option(fc.array(selectorArb, { maxLength: 1 }), { nil: undefined }),
        fieldPaths: fc.array(fieldPathArb, { minLength: 1, maxLength: 2 }),
        options: fc.option(fc.record({ create: fc.boolean(), delimiter: fc.option(fc.constantFrom('.', '-', ''), { nil: undefined }), index: fc.option(fc.integer({ min: -2, max: 2 }), { nil: undefined }) }), { nil: undefined }),
      })
      .map((t) => object(Object.entries(t))),
    { minLength: 1, maxLength: 2 },
  ),
});
const varArb = fc.record({
  name: fc.constantFrom('VAR', 'A', '__proto__'),
  objref: fc.record({ apiVersion: fc.constantFrom('v1', 'apps/v1'), kind: kindArb, name: nameArb }),
  fieldref: fc.option(fc.record({ fieldPath: fieldPathArb }), { nil: undefined }),
});
const generatorArb = (files) =>
  fc
    .record({
      name: nameArb,
      namespace: fc.option(namespaceArb, { nil: undefined }),
      behavior: sometimes(fc.constantFrom('create', 'merge', 'replace', 'bogus')),
      literals: fc.option(fc.array(mostly(['k=v', '__proto__=x', 'constructor=y', 'prototype=z', 'a="b c"', 'toString=1', 'k2='], ['bad', '=v']), { maxLength: 3 }), { nil: undefined }),
      files: sometimes(fc.array(mostly([...files, 'key=data.txt', '__proto__=data.txt'], ['missing.txt', '../outside.txt']), { maxLength: 2 }), 2),
      envs: sometimes(fc.array(mostly(['app.env'], ['missing.env']), { maxLength: 1 })),
      options: fc.option(fc.record({ disableNameSuffixHash: fc.boolean(), labels: fc.option(stringMapArb, { nil: undefined }) }).map((o) => object(Object.entries(o))), { nil: undefined }),
    })
    .map((g) => object(Object.entries(g)));
const builtinTransformerArb = fc.oneof(
  fc.record({ prefix: textArb }).map(({ prefix }) => ({ apiVersion: 'builtin', kind: 'PrefixSuffixTransformer', metadata: { name: 'ps' }, prefix, fieldSpecs: [{ path: 'metadata/name' }] })),
  fc.record({ labels: stringMapArb }).map(({ labels }) => ({ apiVersion: 'builtin', kind: 'LabelTransformer', metadata: { name: 'lt' }, labels, fieldSpecs: [{ path: 'metadata/labels', create: true }] })),
  fc.record({ patch: jsonPatchArb, target: selectorArb }).map(({ patch, target }) => ({ apiVersion: 'builtin', kind: 'PatchTransformer', metadata: { name: 'pt' }, patch: JSON.stringify(patch), target })),
  fc.record({ ns: namespaceArb }).map(({ ns }) => ({ apiVersion: 'builtin', kind: 'NamespaceTransformer', metadata: { name: 'nt', namespace: ns }, unsetOnly: false })),
  fc.record({ kind: fc.constantFrom('Bogus', 'ValueAddTransformer', 'HashTransformer') }).map(({ kind }) => ({ apiVersion: kind === 'Bogus' ? 'example.com/v1' : 'builtin', kind, metadata: { name: 'other' } })),
);

/** `arbitrary`'s value one time in `odds`, else undefined (so most fields of a kustomization are absent). */
const sometimes = (arbitrary, odds = 4) => fc.oneof({ weight: odds - 1, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary });
/** Mostly one of `valid`, now and then one of `invalid`. */
const mostly = (valid, invalid) => (valid.length === 0 ? fc.constantFrom(...invalid) : fc.oneof({ weight: 12, arbitrary: fc.constantFrom(...valid) }, { weight: 1, arbitrary: fc.constantFrom(...invalid) }));

/** A kustomization with a random selection of fields; `refs` are the files and directories it may list. */
const kustomizationArb = (refs) =>
  fc
    .record({
      resources: fc.oneof(
        { weight: 8, arbitrary: fc.subarray([...refs.resources]) },
        { weight: 1, arbitrary: fc.array(mostly(refs.resources, ['missing.yaml', '../outside.yaml', '/etc/hostname', 'https://example.com/r.yaml', '.', '..']), { maxLength: 4 }) },
      ),
      components: refs.components.length > 0 ? sometimes(fc.array(mostly(refs.components, ['../missing']), { maxLength: 1 }), 2) : sometimes(fc.constant(['../missing']), 30),
      namePrefix: sometimes(textArb),
      nameSuffix: sometimes(textArb),
      namespace: sometimes(namespaceArb),
      commonLabels: sometimes(stringMapArb),
      labels: sometimes(fc.array(fc.record({ pairs: stringMapArb, includeSelectors: fc.boolean(), includeTemplates: fc.boolean() }), { maxLength: 2 })),
      commonAnnotations: sometimes(stringMapArb),
      images: sometimes(fc.array(fc.record({ name: fc.constantFrom('nginx', 'redis', 'busybox', 'my.registry:5000/app', '(', '*', '(a+)+'), newName: fc.option(fc.constantFrom('ghcr.io/x', ''), { nil: undefined }), newTag: fc.option(textArb, { nil: undefined }), digest: fc.option(fc.constantFrom('sha256:1234', ''), { nil: undefined }) }).map((i) => object(Object.entries(i))), { maxLength: 2 })),
      replicas: sometimes(fc.array(fc.record({ name: nameArb, count: fc.integer({ min: -1, max: 10 }) }), { maxLength: 2 })),
      patches: sometimes(
        fc.array(
          fc.oneof(
            fc.record({ patch: smpPatchArb.map((p) => yamlText(p)), target: selectorArb }),
            fc.record({ patch: jsonPatchArb.map((p) => stringify(p)), target: selectorArb }),
            fc.record({ path: mostly(refs.patches, ['missing-patch.yaml']), target: fc.option(selectorArb, { nil: undefined }) }),
          ).map((p) => object(Object.entries(p))),
          { maxLength: 2 },
        ),
      ),
      patchesStrategicMerge: sometimes(fc.array(fc.oneof(fc.constantFrom(...refs.patches), smpPatchArb.map((p) => yamlText(p))), { maxLength: 1 }), 8),
      patchesJson6902: sometimes(fc.array(fc.record({ target: fc.record({ version: fc.constantFrom('v1'), kind: kindArb, name: nameArb, group: fc.constantFrom('apps', '') }), path: mostly(refs.jsonPatches, ['missing.json']) }), { maxLength: 1 }), 8),
      configMapGenerator: sometimes(fc.array(generatorArb(refs.data), { maxLength: 2 })),
      secretGenerator: sometimes(fc.array(generatorArb(refs.data), { maxLength: 1 })),
      generatorOptions: sometimes(fc.record({ disableNameSuffixHash: fc.boolean(), annotations: fc.option(stringMapArb, { nil: undefined }) }).map((o) => object(Object.entries(o)))),
      replacements: sometimes(fc.array(replacementArb, { maxLength: 2 }), 6),
      vars: sometimes(fc.array(varArb, { maxLength: 2 }), 8),
      transformers: sometimes(fc.array(fc.oneof(fc.constantFrom(...refs.transformers), builtinTransformerArb.map((t) => stringify(t))), { maxLength: 2 })),
      sortOptions: sometimes(fc.constantFrom({ order: 'legacy' }, { order: 'fifo' }, { order: 'bogus' }), 6),
      buildMetadata: sometimes(fc.subarray(['originAnnotations', 'transformerAnnotations', 'managedByLabel'])),
      crds: sometimes(fc.constant(refs.crds), 8),
    })
    .map((k) => object(Object.entries(k)));

const resourceFiles = ['r0.yaml', 'r1.yaml', 'r2.yaml'];

/** One directory of the tree: its kustomization and the files it lists. */
const directoryArb = (bases, components, isComponent) => {
  const refs = {
    resources: [...resourceFiles, ...bases],
    components,
    patches: ['patch.yaml'],
    jsonPatches: ['patch.json'],
    data: ['data.txt', 'app.env'],
    transformers: ['transformer.yaml'],
    crds: ['crd.yaml'],
  };
  return fc
    .record({
      kustomization: kustomizationArb(refs),
      resources: fc.tuple(resourceArb, resourceArb, resourceArb),
      patch: smpPatchArb,
      jsonPatch: jsonPatchArb,
      transformer: builtinTransformerArb,
      env: fc.array(fc.constantFrom('A=1', 'B=two', '# comment', '__proto__=x', 'bad line', 'export C=3', ''), { maxLength: 3 }).map((lines) => lines.join('\n')),
    })
    .map((content) => {
      const kust = isComponent ? object([['apiVersion', 'kustomize.config.k8s.io/v1alpha1'], ['kind', 'Component'], ...Object.entries(content.kustomization)]) : content.kustomization;
      const files = {
        'kustomization.yaml': stringify(kust),
        'patch.yaml': yamlText(content.patch),
        'patch.json': JSON.stringify(content.jsonPatch),
        'transformer.yaml': stringify(content.transformer),
        'crd.yaml': 'apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: widgets.example.com\nspec:\n  group: example.com\n  names:\n    kind: Widget\n',
        'app.env': content.env,
        'data.txt': 'some data\n',
      };
      content.resources.forEach((resource, i) => (files[resourceFiles[i]] = yamlText(resource)));
      return files;
    });
};

/** The top directory, by [with a base] + 2 × [with a component]. */
const appWithBases = [directoryArb([], [], false), directoryArb(['../base0'], [], false), directoryArb([], ['../comp'], false), directoryArb(['../base0'], ['../comp'], false)];
const baseWithBase = directoryArb(['../base1'], [], false);
const leafBase = directoryArb([], [], false);
const component = directoryArb([], [], true);

/** A valid-looking tree: `app` with up to two bases (the second a base of the first) and a component. */
const treeArb = fc.record({ baseCount: fc.integer({ min: 0, max: 2 }), withComponent: fc.boolean() }).chain(({ baseCount, withComponent }) => {
  const directories = [
    appWithBases[(baseCount > 0 ? 1 : 0) + (withComponent ? 2 : 0)].map((files) => ['app', files]),
    ...(baseCount > 0 ? [(baseCount > 1 ? baseWithBase : leafBase).map((files) => ['base0', files])] : []),
    ...(baseCount > 1 ? [leafBase.map((files) => ['base1', files])] : []),
    ...(withComponent ? [component.map((files) => ['comp', files])] : []),
  ];
  return fc.tuple(...directories).map((entries) => {
    const files = { 'outside.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: outside\n', 'outside.txt': 'secret\n' };
    for (const [directory, content] of entries) for (const [name, text] of Object.entries(content)) files[`${directory}/${name}`] = text;
    return files;
  });
});

// ---- mutations ----

const encoder = new TextEncoder();
/** Fragments that stress a YAML reader and the builder. */
const hazards = [
  '\t', '\r\n', '\r', '\ufeff', '\u0000', '\u0085', '\u2028', '\ud800', '---\n', '...\n', '&a ', '*a', '*missing', '<<: *a\n', '!!binary ', '!!int ', '!custom ',
  '{', '}', '[', ']', ': ', '- ', '? ', '|', '>', '"', "'", '\\', '#', '%YAML 1.1\n', '__proto__: {polluted: 1}\n', 'constructor:\n  prototype:\n    polluted: 1\n',
  '$patch: delete\n', 'kind: List\nitems: x\n', '0x', '.inf', '1e999', '9223372036854775808', '2001-12-14t21:59:43.10-05:00', '\n  ', '\n- ', '\n\n',
];
const mutationArb = fc.oneof(
  fc.record({ type: fc.constant('insert'), at: fc.nat(), text: fc.oneof(fc.constantFrom(...hazards), fc.string({ maxLength: 4 })) }),
  fc.record({ type: fc.constant('delete'), at: fc.nat(), length: fc.integer({ min: 1, max: 20 }) }),
  fc.record({ type: fc.constant('duplicate'), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ type: fc.constant('bytes'), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 4 }) }),
  fc.record({ type: fc.constantFrom('crlf', 'bom', 'tabs', 'truncate', 'dedent') , at: fc.nat() }),
);

function applyMutation(content, mutation) {
  const bytes = typeof content === 'string' ? encoder.encode(content) : content;
  const at = bytes.length === 0 ? 0 : mutation.at % (bytes.length + 1);
  const text = typeof content === 'string' ? content : new TextDecoder().decode(content);
  const textAt = text.length === 0 ? 0 : mutation.at % (text.length + 1);
  switch (mutation.type) {
    case 'insert':
      return text.slice(0, textAt) + mutation.text + text.slice(textAt);
    case 'delete':
      return text.slice(0, textAt) + text.slice(textAt + mutation.length);
    case 'duplicate':
      return text.slice(0, textAt + mutation.length) + text.slice(textAt);
    case 'bytes':
      return Uint8Array.from([...bytes.subarray(0, at), ...mutation.bytes, ...bytes.subarray(at)]);
    case 'crlf':
      return text.replace(/\n/g, '\r\n');
    case 'bom':
      return `\ufeff${text}`;
    case 'tabs':
      return text.replace(/^ {2}/gm, '\t');
    case 'truncate':
      return bytes.subarray(0, at);
    case 'dedent':
      return text.replace(/^ {2}/gm, '');
    default:
      throw new Error(`unknown mutation ${mutation.type}`);
  }
}

const mutatedTreeArb = fc.record({ files: treeArb, mutations: fc.array(fc.tuple(fc.nat(), mutationArb), { minLength: 1, maxLength: 4 }) }).map(({ files, mutations }) => {
  const names = Object.keys(files).sort();
  const out = { ...files };
  for (const [pick, mutation] of mutations) {
    const name = names[pick % names.length];
    out[name] = applyMutation(out[name], mutation);
  }
  return out;
});

const randomBytesTreeArb = fc
  .record({ files: treeArb, replaced: fc.array(fc.tuple(fc.nat(), fc.oneof(fc.uint8Array({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 200 }))), { minLength: 1, maxLength: 3 }) })
  .map(({ files, replaced }) => {
    const names = Object.keys(files).sort();
    const out = { ...files };
    for (const [pick, content] of replaced) out[names[pick % names.length]] = content;
    return out;
  });

/** One fuzz input: the files of a tree (path to text or bytes) and how to build it. */
export const fuzzInputArb = fc.record({
  files: fc.oneof({ weight: 5, arbitrary: treeArb }, { weight: 4, arbitrary: mutatedTreeArb }, { weight: 1, arbitrary: randomBytesTreeArb }),
  options: fc.record({ reorder: fc.constantFrom('legacy', 'none'), loadRestrictor: fc.constantFrom('rootOnly', 'rootOnly', 'none'), addManagedByLabel: fc.boolean() }),
});

// ---- checking one input ----

const prototypes = [Object.prototype, Array.prototype, Function.prototype, String.prototype];
const cleanPrototypes = prototypes.map((prototype) => Object.getOwnPropertyNames(prototype).join());

/** Names of prototype properties a run added (and removes them, so later inputs start clean). */
function pollution() {
  const found = [];
  prototypes.forEach((prototype, i) => {
    const clean = new Set(cleanPrototypes[i].split(','));
    for (const name of Object.getOwnPropertyNames(prototype)) {
      if (clean.has(name)) continue;
      found.push(name);
      delete prototype[name];
    }
  });
  return found;
}

/**
 * Builds one input with `core` (the module `@kustomize-ts/core`) and says how it went:
 * `built` or `typed` (a KustomizeError) are fine; `untyped` and `polluted` are failures. `ms` is the duration.
 */
export function runFuzzInput(core, input) {
  const started = performance.now();
  let result;
  try {
    const { yaml } = core.build({ fs: new core.MemoryFileSystem(input.files), path: '/app', ...input.options });
    result = typeof yaml === 'string' ? { outcome: 'built' } : { outcome: 'untyped', message: 'build returned no YAML text' };
  } catch (error) {
    result = error instanceof core.KustomizeError ? { outcome: 'typed', code: error.code } : { outcome: 'untyped', message: error instanceof Error ? error.stack ?? error.message : String(error) };
  }
  const ms = performance.now() - started;
  const polluted = pollution();
  if (polluted.length > 0) return { outcome: 'polluted', message: `prototype properties added: ${polluted.join(', ')}`, ms };
  return { ...result, ms };
}

/** The input with index `index` of a run with `seed`: the same pair always gives the same input. */
export function fuzzInputAt(seed, index) {
  return fc.sample(fuzzInputArb, { seed: (seed + Math.imul(index, 2654435761)) | 0, numRuns: 1 })[0];
}

// ---- the long run: pnpm fuzz ----

async function mainThread() {
  const { Worker } = await import('node:worker_threads');
  const { availableParallelism } = await import('node:os');
  const options = parseOptions(process.argv.slice(2));
  const counts = { built: 0, typed: 0, untyped: 0, polluted: 0, hang: 0, crash: 0 };
  const failures = [];
  const started = performance.now();
  let next = options.only ?? 0;
  const last = options.only !== undefined ? options.only + 1 : options.runs;
  let finished = 0;
  let slowest = { ms: 0, index: -1 };

  const record = (index, result) => {
    finished++;
    counts[result.outcome]++;
    if (result.ms > slowest.ms) slowest = { ms: result.ms, index };
    if (!['built', 'typed'].includes(result.outcome)) {
      failures.push({ index, ...result });
      if (options.save) saveInput(options, index);
    }
    if (finished % 10_000 === 0) process.stderr.write(`fuzz: ${finished} inputs, ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
  };

  await new Promise((resolveRun) => {
    let running = 0;
    const startWorker = () => {
      if (next >= last) {
        if (running === 0) resolveRun();
        return;
      }
      running++;
      const worker = new Worker(new URL(import.meta.url), { workerData: { fuzzWorker: true, seed: options.seed }, resourceLimits: { maxOldGenerationSizeMb: 1024 } });
      let current;
      let currentStart = 0;
      let done = false;
      const giveNext = () => {
        if (next >= last) {
          finish();
          return;
        }
        current = next++;
        currentStart = performance.now();
        worker.postMessage(current);
      };
      const finish = (restart = false) => {
        if (done) return;
        done = true;
        clearInterval(watchdog);
        running--;
        void worker.terminate();
        if (restart) startWorker();
        else if (running === 0 && next >= last) resolveRun();
      };
      const watchdog = setInterval(() => {
        if (current !== undefined && performance.now() - currentStart > options.timeoutMs) {
          record(current, { outcome: 'hang', message: `no result after ${options.timeoutMs} ms`, ms: performance.now() - currentStart });
          current = undefined;
          finish(true);
        }
      }, 100);
      worker.on('message', (message) => {
        if (message === 'ready') return giveNext();
        record(message.index, message.result);
        current = undefined;
        giveNext();
      });
      worker.on('error', (error) => {
        if (current !== undefined) record(current, { outcome: 'crash', message: `${error.code ?? ''} ${error.message}`.trim(), ms: performance.now() - currentStart });
        current = undefined;
        finish(true);
      });
      worker.on('exit', () => {
        if (current !== undefined) {
          record(current, { outcome: 'crash', message: 'the worker exited', ms: performance.now() - currentStart });
          current = undefined;
          finish(true);
        }
      });
    };
    for (let i = 0; i < options.workers; i++) startWorker();
  });

  const seconds = (performance.now() - started) / 1000;
  console.log(`fuzz: ${finished} inputs (seed ${options.seed}) in ${seconds.toFixed(1)} s with ${options.workers} workers`);
  console.log(`  built ${counts.built}, KustomizeError ${counts.typed}; untyped errors ${counts.untyped}, prototype pollution ${counts.polluted}, hangs (> ${options.timeoutMs} ms) ${counts.hang}, crashes ${counts.crash}`);
  console.log(`  slowest input: #${slowest.index}, ${slowest.ms.toFixed(0)} ms`);
  for (const failure of failures.slice(0, 20)) {
    console.log(`  #${failure.index} ${failure.outcome}: ${String(failure.message).split('\n').slice(0, 4).join(' | ')}`);
    console.log(`    reproduce: node scripts/fuzz.mjs --seed ${options.seed} --only ${failure.index}`);
  }
  process.exitCode = failures.length > 0 ? 1 : 0;

  function parseOptions(argv) {
    const parsed = { runs: 100_000, seed: 7, timeoutMs: 10_000, workers: Math.max(1, availableParallelism()), save: undefined, only: undefined };
    const names = { '--runs': 'runs', '--seed': 'seed', '--timeout-ms': 'timeoutMs', '--workers': 'workers', '--save': 'save', '--only': 'only' };
    for (let i = 0; i < argv.length; i += 2) {
      const key = names[argv[i]];
      if (key === undefined || argv[i + 1] === undefined) {
        console.error(`usage: node scripts/fuzz.mjs [--runs N] [--seed N] [--timeout-ms N] [--workers N] [--save DIR] [--only INDEX]`);
        process.exit(2);
      }
      parsed[key] = key === 'save' ? argv[i + 1] : Number(argv[i + 1]);
    }
    if (parsed.only !== undefined) parsed.workers = 1;
    return parsed;
  }
}

/** Writes the files of input `index` under `options.save`, to look at or build by hand. */
async function saveInput(options, index) {
  const { mkdirSync, writeFileSync } = await import('node:fs');
  const { dirname, join } = await import('node:path');
  const input = fuzzInputAt(options.seed, index);
  for (const [path, content] of Object.entries(input.files)) {
    const target = join(options.save, String(index), path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
  }
  writeFileSync(join(options.save, String(index), 'options.json'), `${JSON.stringify(input.options)}\n`);
}

async function workerThread() {
  const { parentPort, workerData } = await import('node:worker_threads');
  const core = await import('../packages/core/dist/index.js');
  parentPort.on('message', (index) => {
    const result = runFuzzInput(core, fuzzInputAt(workerData.seed, index));
    parentPort.postMessage({ index, result });
  });
  parentPort.postMessage('ready');
}

const { isMainThread, workerData } = await import('node:worker_threads');
const { fileURLToPath } = await import('node:url');
if (!isMainThread && workerData?.fuzzWorker === true) await workerThread();
else if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await mainThread();

import type { VersionBehaviour } from '../versions.js';

/**
 * The shape of a kustomization file, as data: the fields kustomize decodes and their types.
 * Decoding follows Go's encoding/json, which kustomize uses: field names match case-insensitively
 * (so `nameprefix` works), unknown fields are errors, and a value of the wrong type is an error.
 */
export type FieldType =
  | 'string'
  | 'bool'
  | 'int'
  | 'stringList'
  | 'stringMap'
  | 'boolMap'
  | 'anything'
  | { readonly object: ObjectShape }
  | { readonly list: FieldType };

/** The fields of an object type, by their JSON name. */
export type ObjectShape = Readonly<Record<string, FieldType>>;

const resId: ObjectShape = { group: 'string', version: 'string', kind: 'string', name: 'string', namespace: 'string' };
const fieldSpec: ObjectShape = { group: 'string', version: 'string', kind: 'string', path: 'string', create: 'bool' };
const selector: ObjectShape = { ...resId, annotationSelector: 'string', labelSelector: 'string' };
const fieldOptions: ObjectShape = { delimiter: 'string', index: 'int', encoding: 'string', create: 'bool' };
const generatorOptions: ObjectShape = { labels: 'stringMap', annotations: 'stringMap', disableNameSuffixHash: 'bool', immutable: 'bool' };
const generatorArgs: ObjectShape = {
  namespace: 'string',
  name: 'string',
  behavior: 'string',
  literals: 'stringList',
  files: 'stringList',
  envs: 'stringList',
  env: 'string',
  options: { object: generatorOptions },
};
/** `patches[].options`: any boolean up to v5.7, kustomize v5.8's PatchArgs from then on (`typed`). */
export function patchOptionsType(typed: boolean): FieldType {
  return typed ? { object: { allowNameChange: 'bool', allowKindChange: 'bool' } } : 'boolMap';
}
const untypedPatch: ObjectShape = { path: 'string', patch: 'string', target: { object: selector }, options: patchOptionsType(false) };
const typedPatch: ObjectShape = { ...untypedPatch, options: patchOptionsType(true) };
const image: ObjectShape = { name: 'string', newName: 'string', tagSuffix: 'string', newTag: 'string', digest: 'string' };
const helmChart: ObjectShape = {
  name: 'string', version: 'string', repo: 'string', releaseName: 'string', namespace: 'string',
  additionalValuesFiles: 'stringList', valuesFile: 'string', valuesInline: 'anything', valuesMerge: 'string',
  includeCRDs: 'bool', skipHooks: 'bool', apiVersions: 'stringList', kubeVersion: 'string', nameTemplate: 'string',
  skipTests: 'bool', debug: 'bool',
};
const helmChartWithDevel: ObjectShape = { ...helmChart, devel: 'bool' };
const helmChartArgs: ObjectShape = {
  chartName: 'string', chartVersion: 'string', chartRepoUrl: 'string', chartHome: 'string', chartRepoName: 'string',
  helmBin: 'string', helmHome: 'string', values: 'string', valuesLocal: 'anything', valuesMerge: 'string',
  releaseName: 'string', releaseNamespace: 'string', extraArgs: 'stringList',
};

const replacementSource: ObjectShape = { ...resId, fieldPath: 'string', options: { object: fieldOptions } };
const replacementTarget: ObjectShape = { select: { object: selector }, reject: { list: { object: selector } }, fieldPaths: 'stringList', options: { object: fieldOptions } };
const replacement: ObjectShape = { path: 'string', source: { object: replacementSource }, targets: { list: { object: replacementTarget } } };

/** Every field of a Kustomization or Component, as kustomize v5.5.0 decodes it. */
const v5_5Shape: ObjectShape = {
  apiVersion: 'string',
  kind: 'string',
  metadata: { object: { name: 'string', namespace: 'string', labels: 'stringMap', annotations: 'stringMap' } },
  openapi: 'stringMap',
  namePrefix: 'string',
  nameSuffix: 'string',
  namespace: 'string',
  commonLabels: 'stringMap',
  labels: { list: { object: { pairs: 'stringMap', includeSelectors: 'bool', includeTemplates: 'bool', fields: { list: { object: fieldSpec } } } } },
  commonAnnotations: 'stringMap',
  patchesStrategicMerge: 'stringList',
  patchesJson6902: { list: { object: untypedPatch } },
  patches: { list: { object: untypedPatch } },
  images: { list: { object: image } },
  imageTags: { list: { object: image } },
  replacements: { list: { object: replacement } },
  replicas: { list: { object: { name: 'string', count: 'int' } } },
  vars: {
    list: {
      object: {
        name: 'string',
        objref: { object: { apiVersion: 'string', group: 'string', version: 'string', kind: 'string', name: 'string', namespace: 'string' } },
        fieldref: { object: { fieldPath: 'string' } },
      },
    },
  },
  sortOptions: { object: { order: 'string', legacySortOptions: { object: { orderFirst: 'stringList', orderLast: 'stringList' } } } },
  resources: 'stringList',
  components: 'stringList',
  crds: 'stringList',
  bases: 'stringList',
  configMapGenerator: { list: { object: generatorArgs } },
  secretGenerator: { list: { object: { ...generatorArgs, type: 'string' } } },
  helmGlobals: { object: { chartHome: 'string', configHome: 'string' } },
  helmCharts: { list: { object: helmChart } },
  helmChartInflationGenerator: { list: { object: helmChartArgs } },
  generatorOptions: { object: generatorOptions },
  configurations: 'stringList',
  generators: 'stringList',
  transformers: 'stringList',
  validators: 'stringList',
  buildMetadata: 'stringList',
};

const shapes = new Map<string, ObjectShape>();

/** Every field of a Kustomization or Component, as the kustomize release of `behaviour` decodes it. */
export function kustomizationShape(behaviour: VersionBehaviour): ObjectShape {
  let shape = shapes.get(behaviour.version);
  if (shape === undefined) {
    const patch = behaviour.typedPatchOptions ? typedPatch : untypedPatch;
    shape = {
      ...v5_5Shape,
      patchesJson6902: { list: { object: patch } },
      patches: { list: { object: patch } },
      replacements: { list: { object: behaviour.replacementSourceValue ? { ...replacement, sourceValue: 'string' } : replacement } },
      helmCharts: { list: { object: behaviour.helmDevelField ? helmChartWithDevel : helmChart } },
    };
    shapes.set(behaviour.version, shape);
  }
  return shape;
}

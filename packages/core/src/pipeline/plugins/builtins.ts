import type { Loader } from '../../accumulate/loader.js';
import { KustomizeError } from '../../errors.js';
import { basename } from '../../fs/path.js';
import { getOwn, isJsonObject, type JsonObject, type JsonValue } from '../../json.js';
import { patchOptionsType, type ObjectShape } from '../../kustomization/schema.js';
import { addHashSuffixes, generateConfigMap, generateSecret, type SecretArgs } from '../../generate/index.js';
import type { PatchEntry } from '../../kustomization/types.js';
import type { Resource } from '../../resource/resource.js';
import type { ResourceSelector } from '../../resource/select.js';
import type { FieldSpec } from '../../transform/fieldspec.js';
import {
  parseRoleBindingSubjectMode,
  transformAnnotations,
  transformImageTag,
  transformLabels,
  transformNamespace,
  transformPrefix,
  transformReplicaCount,
  transformSuffix,
  type Image,
} from '../../transform/index.js';
import { parseYaml } from '../../yaml/index.js';
import { configureReplacements } from '../replacements.js';
import { runJson6902Entry, runPatchEntry, runStrategicMergePatches } from '../patches.js';
import { decodePluginConfig, type PluginConfigDecoder } from './decode.js';
import { generateIamPolicy } from './iam-policy.js';
import { transformValueAdd, type ValueAddTarget } from './value-add.js';

/** A configured builtin generator: makes resources from its configuration alone. */
export interface GeneratorPlugin {
  readonly role: 'generator';
  readonly generate: () => Resource[];
}

/** A configured builtin transformer: changes the resources it is given. */
export interface TransformerPlugin {
  readonly role: 'transformer';
  readonly transform: (resources: readonly Resource[]) => Resource[];
}

/** A builtin plugin, configured. */
export type BuiltinPlugin = GeneratorPlugin | TransformerPlugin;

/** One plugin configuration object of a `generators:`, `transformers:` or `validators:` entry. */
export interface PluginConfigObject {
  /** The configuration, a Kubernetes-style object whose `kind` names the plugin. */
  readonly object: JsonObject;
  /** The plugin as kustomize names it in messages, e.g. `LabelTransformer.builtin.[noGrp]/lab.[noNs]`. */
  readonly plugin: string;
  /** The file the configuration came from (the kustomization file for inline ones). */
  readonly file: string;
  /** The kustomization field that lists it. */
  readonly field: 'generators' | 'transformers' | 'validators';
}

/** Configures one builtin kind; `loader` is the kustomization's, which the plugin reads its files with. */
type Configure = (config: PluginConfigObject, loader: Loader) => BuiltinPlugin;

const fieldSpecShape: ObjectShape = { group: 'string', version: 'string', kind: 'string', path: 'string', create: 'bool' };
const fieldSpecs = { list: { object: fieldSpecShape } } as const;
const objectMeta = { object: { name: 'string', namespace: 'string', labels: 'stringMap', annotations: 'stringMap' } } as const;
const selectorShape: ObjectShape = {
  group: 'string',
  version: 'string',
  kind: 'string',
  name: 'string',
  namespace: 'string',
  labelSelector: 'string',
  annotationSelector: 'string',
};
const generatorOptions = { object: { labels: 'stringMap', annotations: 'stringMap', disableNameSuffixHash: 'bool', immutable: 'bool' } } as const;
const generatorArgs: ObjectShape = {
  metadata: objectMeta,
  name: 'string',
  namespace: 'string',
  behavior: 'string',
  literals: 'stringList',
  files: 'stringList',
  envs: 'stringList',
  env: 'string',
  options: generatorOptions,
};

function decode(config: PluginConfigObject, shape: ObjectShape, decoder: PluginConfigDecoder = 'sigs-yaml'): JsonObject {
  const kind = getOwn(config.object, 'kind') as string;
  return decodePluginConfig(config.object, shape, decoder, { plugin: config.plugin, struct: `${kind}Plugin`, file: config.file });
}

/** A configuration error, worded as kustomize's: `plugin <id> fails configuration: <why>`. */
function configurationError(config: PluginConfigObject, why: string, field: string, hint: string): KustomizeError {
  return new KustomizeError('invalid-kustomization', `plugin ${config.plugin} fails configuration: ${why}`, { file: config.file, field }, hint);
}

function stringOf(decoded: JsonObject, key: string): string {
  const value = getOwn(decoded, key);
  return typeof value === 'string' ? value : '';
}

function objectOf(decoded: JsonObject, key: string): JsonObject {
  const value = getOwn(decoded, key);
  return isJsonObject(value) ? value : {};
}

function stringMapOf(decoded: JsonObject, key: string): Record<string, string> {
  return objectOf(decoded, key) as Record<string, string>;
}

function fieldSpecsOf(decoded: JsonObject): FieldSpec[] {
  const list = getOwn(decoded, 'fieldSpecs');
  if (!Array.isArray(list)) return [];
  return list.map((item) => {
    const entry = item as JsonObject;
    const spec: { group?: string; version?: string; kind?: string; path: string; create?: boolean } = { path: stringOf(entry, 'path') };
    for (const key of ['group', 'version', 'kind'] as const) {
      const value = stringOf(entry, key);
      if (value !== '') spec[key] = value;
    }
    if (getOwn(entry, 'create') === true) spec.create = true;
    return spec;
  });
}

function selectorOf(value: JsonValue | undefined): ResourceSelector | undefined {
  return isJsonObject(value) ? (value as ResourceSelector) : undefined;
}

function transformer(transform: (resources: readonly Resource[]) => Resource[]): TransformerPlugin {
  return { role: 'transformer', transform };
}

/** PrefixTransformer and SuffixTransformer refuse a configuration without field specs. */
function requiredFieldSpecs(config: PluginConfigObject, decoded: JsonObject): FieldSpec[] {
  if (getOwn(decoded, 'fieldSpecs') === undefined) {
    throw configurationError(config, 'fieldSpecs is not expected to be nil', 'fieldSpecs', 'give fieldSpecs, e.g. [{path: metadata/name}]');
  }
  return fieldSpecsOf(decoded);
}

const configurePrefix: Configure = (config) => {
  const decoded = decode(config, { prefix: 'string', fieldSpecs }, 'yaml-v3');
  const specs = requiredFieldSpecs(config, decoded);
  return transformer((resources) => transformPrefix(resources, { prefix: stringOf(decoded, 'prefix'), fieldSpecs: specs }));
};

const configureSuffix: Configure = (config) => {
  const decoded = decode(config, { suffix: 'string', fieldSpecs }, 'yaml-v3');
  const specs = requiredFieldSpecs(config, decoded);
  return transformer((resources) => transformSuffix(resources, { suffix: stringOf(decoded, 'suffix'), fieldSpecs: specs }));
};

function configureGeneratorArgs(config: PluginConfigObject, shape: ObjectShape): SecretArgs {
  const { metadata, ...args } = decode(config, shape);
  const meta = isJsonObject(metadata) ? metadata : {};
  // The generator's name and namespace default to those of its configuration object.
  return {
    ...(args as SecretArgs),
    name: stringOf(args, 'name') || stringOf(meta, 'name'),
    namespace: stringOf(args, 'namespace') || stringOf(meta, 'namespace'),
  };
}

/**
 * Kustomize v5.5.0's builtin plugin kinds (group empty, version `builtin`), by kind. SortOrderTransformer is
 * deliberately absent, as in kustomize, which only runs it from `sortOptions`.
 */
const builtinPlugins: Readonly<Record<string, Configure>> = {
  AnnotationsTransformer: (config) => {
    const decoded = decode(config, { annotations: 'stringMap', fieldSpecs });
    return transformer((resources) => transformAnnotations(resources, { annotations: stringMapOf(decoded, 'annotations'), fieldSpecs: fieldSpecsOf(decoded) }));
  },
  LabelTransformer: (config) => {
    const decoded = decode(config, { labels: 'stringMap', fieldSpecs });
    return transformer((resources) => transformLabels(resources, { labels: stringMapOf(decoded, 'labels'), fieldSpecs: fieldSpecsOf(decoded) }));
  },
  NamespaceTransformer: (config) => {
    const decoded = decode(config, { metadata: objectMeta, fieldSpecs, unsetOnly: 'bool', setRoleBindingSubjects: 'string' });
    let setRoleBindingSubjects;
    try {
      setRoleBindingSubjects = parseRoleBindingSubjectMode(stringOf(decoded, 'setRoleBindingSubjects'));
    } catch (error) {
      if (!(error instanceof KustomizeError)) throw error;
      throw configurationError(config, error.message, 'setRoleBindingSubjects', error.hint ?? '');
    }
    const namespaceConfig = {
      namespace: stringOf(objectOf(decoded, 'metadata'), 'namespace'),
      fieldSpecs: fieldSpecsOf(decoded),
      unsetOnly: getOwn(decoded, 'unsetOnly') === true,
      setRoleBindingSubjects,
    };
    return transformer((resources) => transformNamespace(resources, namespaceConfig));
  },
  PrefixTransformer: configurePrefix,
  SuffixTransformer: configureSuffix,
  // Kustomize configures a prefix and a suffix transformer from the same configuration and runs both.
  PrefixSuffixTransformer: (config, loader) => {
    const prefix = configurePrefix(config, loader) as TransformerPlugin;
    const suffix = configureSuffix(config, loader) as TransformerPlugin;
    return transformer((resources) => suffix.transform(prefix.transform(resources)));
  },
  ImageTagTransformer: (config) => {
    const image = { name: 'string', newName: 'string', newTag: 'string', digest: 'string', tagSuffix: 'string' } as const;
    const decoded = decode(config, { imageTag: { object: image }, fieldSpecs });
    const imageTag = { name: '', ...objectOf(decoded, 'imageTag') } as Image;
    return transformer((resources) => transformImageTag(resources, { imageTag, fieldSpecs: fieldSpecsOf(decoded) }));
  },
  ReplicaCountTransformer: (config) => {
    const decoded = decode(config, { replica: { object: { name: 'string', count: 'int' } }, fieldSpecs });
    const replica = objectOf(decoded, 'replica');
    const count = getOwn(replica, 'count');
    return transformer((resources) =>
      transformReplicaCount(resources, { replica: { name: stringOf(replica, 'name'), count: typeof count === 'number' ? count : 0 }, fieldSpecs: fieldSpecsOf(decoded) }),
    );
  },
  ReplacementTransformer: (config, loader) => {
    // kustomize v5.5.0's plugin had a field named `omitempty` (a misplaced struct tag), read as more replacements.
    const omitempty = !loader.session.behaviour.replacementTransformerOmitemptyIgnored;
    const decoded = decode(config, { replacements: 'anything', ...(omitempty && { omitempty: { list: 'anything' } }) });
    return transformer(configureReplacements(getOwn(decoded, 'replacements') ?? null, config.file, loader, undefined, getOwn(decoded, 'omitempty') ?? []));
  },
  ValueAddTransformer: (config, loader) => configureValueAdd(config, loader),
  HashTransformer: () => transformer(addHashSuffixes),
  PatchTransformer: (config, loader) => {
    const options = patchOptionsType(loader.session.behaviour.typedPatchOptions);
    const entry = decode(config, { path: 'string', patch: 'string', target: { object: selectorShape }, options }) as PatchEntry;
    return transformer((resources) => runPatchEntry(resources, entry, loader));
  },
  PatchStrategicMergeTransformer: (config, loader) => {
    const decoded = decode(config, { paths: 'stringList', patches: 'string' });
    const paths = (getOwn(decoded, 'paths') as string[] | undefined) ?? [];
    const patches = stringOf(decoded, 'patches');
    if (paths.length === 0 && patches === '') {
      throw configurationError(config, 'empty file path and empty patch content', 'paths', 'give paths (files or inline patches) or patches (inline YAML)');
    }
    return transformer((resources) => runStrategicMergePatches(resources, paths, loader, patches));
  },
  PatchJson6902Transformer: (config, loader) => {
    const decoded = decode(config, { target: { object: selectorShape }, path: 'string', jsonOp: 'string' });
    const target = selectorOf(getOwn(decoded, 'target'));
    const entry = { ...(target === undefined ? {} : { target }), path: stringOf(decoded, 'path'), jsonOp: stringOf(decoded, 'jsonOp') };
    return transformer((resources) => runJson6902Entry(resources, entry, loader));
  },
  ConfigMapGenerator: (config, loader) => {
    const args = configureGeneratorArgs(config, generatorArgs);
    return { role: 'generator', generate: () => [generateConfigMap(args, undefined, (path) => loader.readBytes(path))] };
  },
  SecretGenerator: (config, loader) => {
    const args = configureGeneratorArgs(config, { ...generatorArgs, type: 'string' });
    return { role: 'generator', generate: () => [generateSecret(args, undefined, (path) => loader.readBytes(path))] };
  },
  IAMPolicyGenerator: (config) => {
    const decoded = decode(config, {
      cloud: 'string',
      kubernetesService: { object: { name: 'string', namespace: 'string' } },
      serviceAccount: { object: { name: 'string', projectId: 'string' } },
    });
    const service = objectOf(decoded, 'kubernetesService');
    const account = objectOf(decoded, 'serviceAccount');
    const args = {
      cloud: stringOf(decoded, 'cloud'),
      kubernetesService: { name: stringOf(service, 'name'), namespace: stringOf(service, 'namespace') },
      serviceAccount: { name: stringOf(account, 'name'), projectId: stringOf(account, 'projectId') },
    };
    return { role: 'generator', generate: () => generateIamPolicy(args, config.file) };
  },
  HelmChartInflationGenerator: (config) => {
    throw new KustomizeError(
      'unsupported',
      `plugin ${config.plugin} fails configuration: HelmChartInflationGenerator (listed in ${config.field}) needs helm, an external program, which kustomize-ts never runs`,
      { file: config.file, field: config.field },
      'inflate the chart with `helm template` and list its output under resources',
    );
  },
};

function configureValueAdd(config: PluginConfigObject, loader: Loader): TransformerPlugin {
  const target = { list: { object: { selector: { object: selectorShape }, fieldPath: 'string', filePathPosition: 'int' } } } as const;
  const decoded = decode(config, { value: 'string', targets: target, targetFilePath: 'string' });
  let targets = (getOwn(decoded, 'targets') as JsonObject[] | undefined) ?? [];
  const targetFile = stringOf(decoded, 'targetFilePath');
  if (targetFile !== '') {
    const file = loader.display(loader.resolve(targetFile));
    const content = parseYaml(loader.readText(targetFile), file, { dialect: 'sigs-yaml' });
    const shared = decodePluginConfig(isJsonObject(content) ? content : {}, { targets: target }, 'sigs-yaml', { plugin: config.plugin, struct: 'ValueAddTransformerPlugin', file });
    targets = [...targets, ...((getOwn(shared, 'targets') as JsonObject[] | undefined) ?? [])];
  }
  if (targets.length === 0) throw configurationError(config, 'must specify at least one target', 'targets', 'list targets, each with a fieldPath');
  const valueTargets: ValueAddTarget[] = targets.map((entry, index) => {
    const fieldPath = stringOf(entry, 'fieldPath');
    const position = getOwn(entry, 'filePathPosition');
    const filePathPosition = typeof position === 'number' ? position : 0;
    if (fieldPath === '') throw configurationError(config, 'fieldPath cannot be empty', `targets[${index}].fieldPath`, 'give the target a fieldPath, e.g. metadata/namespace');
    if (filePathPosition < 0) {
      throw configurationError(config, `value of FilePathPosition (${filePathPosition}) cannot be negative`, `targets[${index}].filePathPosition`, 'use 0 to replace the field, 1 or more to insert into a path');
    }
    const selector = selectorOf(getOwn(entry, 'selector'));
    return { fieldPath, filePathPosition, ...(selector === undefined ? {} : { selector }) };
  });
  // Without a value, kustomize uses the name of the directory of the kustomization that lists the plugin.
  const value = stringOf(decoded, 'value').trim() || basename(loader.root);
  return transformer((resources) => transformValueAdd(resources, { value, targets: valueTargets }));
}

/**
 * The builtin plugin a configuration object names, configured as kustomize configures it. Throws kustomize's
 * errors for a kind it does not know (`unable to load builtin …`) and for a bad configuration.
 */
export function configureBuiltinPlugin(config: PluginConfigObject, loader: Loader): BuiltinPlugin {
  const kind = getOwn(config.object, 'kind');
  const configure = typeof kind === 'string' && Object.prototype.hasOwnProperty.call(builtinPlugins, kind) ? builtinPlugins[kind] : undefined;
  if (configure === undefined) {
    throw new KustomizeError(
      'unsupported',
      `unable to load builtin ${String(kind)}.builtin.[noGrp]`,
      { file: config.file, field: 'kind' },
      kind === 'SortOrderTransformer'
        ? 'kustomize runs the SortOrderTransformer only from sortOptions in the top kustomization; use sortOptions'
        : `the builtin kinds are: ${Object.keys(builtinPlugins).join(', ')}`,
    );
  }
  return configure(config, loader);
}

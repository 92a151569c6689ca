import type { ConfigMapArgs, GeneratorOptions, SecretArgs } from '../generate/types.js';
import type { JsonObject, JsonValue } from '../json.js';
import type { ResourceSelector } from '../resource/select.js';

/** A field spec as written in kustomization files and configurations. */
export interface FieldSpecEntry {
  readonly group?: string;
  readonly version?: string;
  readonly kind?: string;
  readonly path: string;
  readonly create?: boolean;
}

/** An entry of `patches` / `patchesJson6902`. */
export interface PatchEntry {
  readonly path?: string;
  readonly patch?: string;
  readonly target?: ResourceSelector;
  readonly options?: Readonly<Record<string, boolean>>;
}

/** An entry of `labels`. */
export interface LabelEntry {
  readonly pairs?: Readonly<Record<string, string>>;
  readonly includeSelectors?: boolean;
  readonly includeTemplates?: boolean;
  readonly fields?: readonly FieldSpecEntry[];
}

/** An entry of `images`. */
export interface ImageEntry {
  readonly name?: string;
  readonly newName?: string;
  readonly newTag?: string;
  readonly digest?: string;
  readonly tagSuffix?: string;
}

/** An entry of `replicas`. */
export interface ReplicaEntry {
  readonly name?: string;
  readonly count?: number;
}

/** `sortOptions`. */
export interface SortOptionsEntry {
  readonly order?: string;
  readonly legacySortOptions?: { readonly orderFirst?: readonly string[]; readonly orderLast?: readonly string[] };
}

/**
 * A kustomization file (kind Kustomization or Component) as the builder uses it: fields decoded and
 * checked, deprecated fields folded as kustomize folds them (`bases` into `resources`, `imageTags` into
 * `images`, a generator's `env` into `envs`). Lists are never undefined.
 */
export interface Kustomization {
  readonly apiVersion: string;
  readonly kind: 'Kustomization' | 'Component';
  /** The kustomization file, absolute. */
  readonly file: string;
  /** The directory that holds it, absolute. */
  readonly directory: string;
  readonly resources: readonly string[];
  readonly components: readonly string[];
  readonly crds: readonly string[];
  readonly configurations: readonly string[];
  readonly generators: readonly string[];
  readonly transformers: readonly string[];
  readonly validators: readonly string[];
  readonly buildMetadata: readonly string[];
  readonly namePrefix: string;
  readonly nameSuffix: string;
  readonly namespace: string;
  readonly commonLabels: Readonly<Record<string, string>>;
  readonly labels: readonly LabelEntry[];
  readonly commonAnnotations: Readonly<Record<string, string>>;
  readonly patches: readonly PatchEntry[];
  readonly patchesStrategicMerge: readonly string[];
  readonly patchesJson6902: readonly PatchEntry[];
  readonly images: readonly ImageEntry[];
  readonly replicas: readonly ReplicaEntry[];
  readonly replacements: readonly JsonObject[];
  readonly vars: readonly JsonObject[];
  readonly configMapGenerator: readonly ConfigMapArgs[];
  readonly secretGenerator: readonly SecretArgs[];
  readonly generatorOptions: GeneratorOptions | undefined;
  readonly sortOptions: SortOptionsEntry | undefined;
  readonly openapi: Readonly<Record<string, string>>;
  readonly helmCharts: readonly JsonValue[];
  readonly helmGlobals: JsonValue | undefined;
}

import type { Loader } from '../accumulate/loader.js';
import type { Kustomization } from '../kustomization/types.js';
import type { Resource } from '../resource/resource.js';
import {
  labelEntryFieldSpecs,
  transformAnnotations,
  transformImageTag,
  transformLabels,
  transformNamespace,
  transformPrefix,
  transformReplicaCount,
  transformSuffix,
} from '../transform/index.js';
import type { BuildConfig } from './configurations.js';
import type { BuildWarning } from './diagnostics.js';
import { changedNothing, imageEntryWarning, mapEntryWarning, patchTargetWarning, replacementTargetWarning, replicasEntryWarning } from './lint.js';
import { builtinTransformerOrigin, recordTransformation } from './origin.js';
import { runJson6902Entry, runPatchEntry, runStrategicMergePatches } from './patches.js';
import { runPluginTransformers, runValidators } from './plugins.js';
import { configureReplacements, type UnmatchedTargetListener } from './replacements.js';
import type { TargetContext } from './target.js';

/** One configured builtin transformer, with the plugin kind kustomize would name it by. */
interface Step {
  readonly kind: string;
  readonly run: (resources: readonly Resource[]) => Resource[];
  /** The lint warning for what the step did, given what it saw and returned, if it did nothing. */
  readonly lint?: (before: readonly Resource[], after: readonly Resource[]) => BuildWarning | undefined;
}

/** A step's lint check that warns when the step changed nothing. */
function whenUnchanged(warning: (before: readonly Resource[]) => BuildWarning): NonNullable<Step['lint']> {
  return (before, after) => (changedNothing(before, after) ? warning(before) : undefined);
}

/**
 * Runs a kustomization's builtin transformers in kustomize's order (PatchStrategicMerge, Patch, Namespace,
 * Prefix, Suffix, Label, Annotations, PatchJson6902, ReplicaCount, ImageTag, Replacement), then its
 * `transformers:` entries, then its validators.
 */
export function runTransformers(loader: Loader, kustomization: Kustomization, resources: readonly Resource[], config: BuildConfig, context: TargetContext): Resource[] {
  const file = loader.display(kustomization.file);
  const steps: Step[] = [
    ...strategicMergeSteps(kustomization, loader),
    ...patchSteps(kustomization, loader),
    ...namespaceSteps(kustomization, config),
    ...nameSteps(kustomization, config),
    ...labelSteps(kustomization, config, file),
    ...annotationSteps(kustomization, config, file),
    ...json6902Steps(kustomization, loader),
    ...replicaSteps(kustomization, config, file),
    ...imageSteps(kustomization, config, file),
    ...replacementSteps(kustomization, loader),
  ];
  const transformed = steps.reduce<Resource[]>((current, step) => {
    const origin = builtinTransformerOrigin(context.originPath, kustomization.file, step.kind);
    const after = step.run(current);
    const warning = step.lint?.(current, after);
    if (warning) loader.session.warnings.push(warning);
    return recordTransformation(dropEmpty(after), origin);
  }, [...resources]);
  return runValidators(loader, kustomization, runPluginTransformers(loader, kustomization, transformed, context), context);
}

function namespaceSteps(k: Kustomization, config: BuildConfig): Step[] {
  if (k.namespace === '') return [];
  return [{ kind: 'NamespaceTransformer', run: (r) => transformNamespace(r, { namespace: k.namespace, fieldSpecs: config.namespace }) }];
}

function nameSteps(k: Kustomization, config: BuildConfig): Step[] {
  const steps: Step[] = [];
  if (k.namePrefix !== '') steps.push({ kind: 'PrefixTransformer', run: (r) => transformPrefix(r, { prefix: k.namePrefix, fieldSpecs: config.namePrefix }) });
  if (k.nameSuffix !== '') steps.push({ kind: 'SuffixTransformer', run: (r) => transformSuffix(r, { suffix: k.nameSuffix, fieldSpecs: config.nameSuffix }) });
  return steps;
}

function labelSteps(k: Kustomization, config: BuildConfig, file: string): Step[] {
  if (k.labels.length === 0 && Object.keys(k.commonLabels).length === 0) return [];
  const steps: Step[] = k.labels.map((entry, i) => {
    const fieldSpecs = labelEntryFieldSpecs({ pairs: entry.pairs ?? {}, ...entry }, config);
    const kinds = (entry.fields ?? []).map((spec) => spec.kind ?? '');
    return {
      kind: 'LabelTransformer',
      run: (r: readonly Resource[]) => transformLabels(r, { labels: entry.pairs ?? {}, fieldSpecs }),
      ...(Object.keys(entry.pairs ?? {}).length > 0 ? { lint: whenUnchanged((before) => mapEntryWarning('labels', entry.pairs ?? {}, `labels[${i}]`, file, before, kinds)) } : {}),
    };
  });
  steps.push({
    kind: 'LabelTransformer',
    run: (r) => transformLabels(r, { labels: k.commonLabels, fieldSpecs: config.commonLabels }),
    ...(Object.keys(k.commonLabels).length > 0 ? { lint: whenUnchanged((before) => mapEntryWarning('labels', k.commonLabels, 'commonLabels', file, before, [])) } : {}),
  });
  return steps;
}

function annotationSteps(k: Kustomization, config: BuildConfig, file: string): Step[] {
  if (Object.keys(k.commonAnnotations).length === 0) return [];
  return [
    {
      kind: 'AnnotationsTransformer',
      run: (r) => transformAnnotations(r, { annotations: k.commonAnnotations, fieldSpecs: config.commonAnnotations }),
      lint: whenUnchanged((before) => mapEntryWarning('annotations', k.commonAnnotations, 'commonAnnotations', file, before, [])),
    },
  ];
}

function replicaSteps(k: Kustomization, config: BuildConfig, file: string): Step[] {
  return k.replicas.map((replica, i) => ({
    kind: 'ReplicaCountTransformer',
    run: (r: readonly Resource[]) => transformReplicaCount(r, { replica: { name: replica.name ?? '', count: replica.count ?? 0 }, fieldSpecs: config.replicas }),
    lint: whenUnchanged((before) => replicasEntryWarning(replica, `replicas[${i}]`, file, before)),
  }));
}

function imageSteps(k: Kustomization, config: BuildConfig, file: string): Step[] {
  return k.images.map((image, i) => ({
    kind: 'ImageTagTransformer',
    run: (r: readonly Resource[]) => transformImageTag(r, { imageTag: { ...image, name: image.name ?? '' }, fieldSpecs: config.images }),
    lint: whenUnchanged((before) => imageEntryWarning(image, `images[${i}]`, file, before)),
  }));
}

function replacementSteps(k: Kustomization, loader: Loader): Step[] {
  if (k.replacements.length === 0) return [];
  const file = loader.display(k.file);
  const warnUnmatched: UnmatchedTargetListener = (replacements) => (index, targetIndex, before) => {
    const { select } = replacements[index]!.targets[targetIndex]!;
    loader.session.warnings.push(replacementTargetWarning({ ...select }, `replacements[${index}].targets[${targetIndex}]`, file, before));
  };
  return [{ kind: 'ReplacementTransformer', run: configureReplacements([...k.replacements], file, loader, warnUnmatched) }];
}

/** Resources a transformer emptied are gone, as kustomize's DropEmpties after every transformer. */
function dropEmpty(resources: Resource[]): Resource[] {
  return resources.some((resource) => Object.keys(resource.object).length === 0) ? resources.filter((resource) => Object.keys(resource.object).length > 0) : resources;
}

function strategicMergeSteps(k: Kustomization, loader: Loader): Step[] {
  if (k.patchesStrategicMerge.length === 0) return [];
  return [{ kind: 'PatchStrategicMergeTransformer', run: (r) => runStrategicMergePatches(r, k.patchesStrategicMerge, loader, undefined, loader.display(k.file)) }];
}

function patchSteps(k: Kustomization, loader: Loader): Step[] {
  const file = loader.display(k.file);
  return k.patches.map((entry, i) => ({
    kind: 'PatchTransformer',
    run: (r: readonly Resource[]) => runPatchEntry(r, entry, loader, file),
    lint: (before) => patchTargetWarning(entry, `patches[${i}]`, file, before),
  }));
}

function json6902Steps(k: Kustomization, loader: Loader): Step[] {
  const file = loader.display(k.file);
  return k.patchesJson6902.map((entry, i) => ({
    kind: 'PatchJson6902Transformer',
    lint: (before: readonly Resource[]) => patchTargetWarning(entry, `patchesJson6902[${i}]`, file, before),
    run: (r: readonly Resource[]) => runJson6902Entry(r, { ...(entry.target ? { target: entry.target } : {}), ...(entry.path ? { path: entry.path } : {}), ...(entry.patch ? { jsonOp: entry.patch } : {}) }, loader, loader.display(k.file)),
  }));
}

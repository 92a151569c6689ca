import type { Loader } from '../accumulate/loader.js';
import type { JsonValue } from '../json.js';
import type { Resource } from '../resource/resource.js';
import { applyReplacements, parseReplacements, type Replacement } from '../transform/replacements/index.js';
import { parseYaml } from '../yaml/index.js';

/** Told of each replacement target that selected no resource, given the replacements read. */
export type UnmatchedTargetListener = (replacements: readonly Replacement[]) => (replacement: number, target: number, resources: readonly Resource[]) => void;

/**
 * A `replacements` list (of a kustomization or a ReplacementTransformer configured in `file`) read as the
 * build's kustomize release reads it, `path:` entries through `loader`; returns the transform that applies it.
 */
export function configureReplacements(value: JsonValue, file: string, loader: Loader, onUnmatched?: UnmatchedTargetListener): (resources: readonly Resource[]) => Resource[] {
  const behaviour = loader.session.behaviour;
  const loadFile = (path: string): JsonValue => parseYaml(loader.readText(path), loader.display(loader.resolve(path)), { dialect: 'sigs-yaml' });
  const replacements = parseReplacements(value, file, loadFile, { sourceValue: behaviour.replacementSourceValue });
  const onUnmatchedTarget = onUnmatched?.(replacements);
  return (resources) => applyReplacements(resources, replacements, onUnmatchedTarget, behaviour);
}

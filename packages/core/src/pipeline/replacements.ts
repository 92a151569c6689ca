import type { Loader } from '../accumulate/loader.js';
import type { JsonValue } from '../json.js';
import type { Resource } from '../resource/resource.js';
import { applyReplacements, parseReplacementFile, parseReplacements, type Replacement } from '../transform/replacements/index.js';
import { parseYaml } from '../yaml/index.js';

/** Told of each replacement target that selected no resource, given the replacements read. */
export type UnmatchedTargetListener = (replacements: readonly Replacement[]) => (replacement: number, target: number, resources: readonly Resource[]) => void;

/**
 * A `replacements` list (of a kustomization or a ReplacementTransformer configured in `file`) read as the
 * build's kustomize release reads it, `path:` entries through `loader`, after the replacements `leading` holds (a
 * ReplacementTransformer's `omitempty:` list, which kustomize v5.5.0 applied first); returns the transform that
 * applies them.
 */
export function configureReplacements(value: JsonValue, file: string, loader: Loader, onUnmatched?: UnmatchedTargetListener, leading: JsonValue = []): (resources: readonly Resource[]) => Resource[] {
  const behaviour = loader.session.behaviour;
  const loadFile = (path: string): JsonValue => parseYaml(loader.readText(path), loader.display(loader.resolve(path)), { dialect: 'sigs-yaml' });
  const reading = { sourceValue: behaviour.replacementSourceValue };
  const replacements = [...parseReplacementFile(leading, file, reading), ...parseReplacements(value, file, loadFile, reading)];
  const onUnmatchedTarget = onUnmatched?.(replacements);
  return (resources) => applyReplacements(resources, replacements, onUnmatchedTarget, behaviour);
}

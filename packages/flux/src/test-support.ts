/**
 * Helpers shared by the tests of this package (excluded from the build: see tsconfig.json).
 */
import { parseYaml, type JsonObject } from '@kustomize-ts/core';
import { readKustomization, type FluxKustomization } from './model/kustomization.js';

/**
 * A Flux Kustomization read from YAML: a pruning one with a GitRepository source, `spec` (indented by two
 * spaces) after its own fields.
 */
export function fluxKustomization(spec: string, { name = 'apps', namespace = 'flux-system', interval = '5m' } = {}): FluxKustomization {
  const text = `apiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nmetadata:\n  name: ${name}\n  namespace: ${namespace}\nspec:\n  interval: ${interval}\n  prune: true\n  sourceRef:\n    kind: GitRepository\n    name: repo\n${spec}`;
  return readKustomization(parseYaml(text, 'ks.yaml') as JsonObject);
}

import { KustomizeError } from '../errors.js';
import { gvkSelectedBy, gvkString } from '../resource/id.js';
import { allIds, hasHadName, withObject, type Resource } from '../resource/resource.js';
import { applyFieldSpec, type FieldSetter, type FieldSpec } from './fieldspec.js';
import { assertNodeKind } from './node-kind.js';

/** An entry of a kustomization's `replicas:` (kustomize's types.Replica). */
export interface Replica {
  /** The name of the resources to scale: their current or any earlier name. */
  readonly name: string;
  readonly count: number;
}

/** The configuration of kustomize's ReplicaCountTransformer. */
export interface ReplicaCountTransformerConfig {
  readonly replica: Replica;
  /** Where replica counts are (TransformerConfig `replicas`). */
  readonly fieldSpecs: readonly FieldSpec[];
}

/**
 * Sets the replica count of the resources named `replica.name` (by any of their ids) whose kind a field
 * spec selects, as kustomize's ReplicaCountTransformer. Throws when no resource matches any spec.
 */
export function transformReplicaCount(resources: readonly Resource[], config: ReplicaCountTransformerConfig): Resource[] {
  const { name, count } = config.replica;
  const setCount: FieldSetter = (value) => {
    assertNodeKind(value, 'ScalarNode');
    return count;
  };
  const out = [...resources];
  const named = resources.flatMap((resource, index) => (hasHadName(resource, name) ? [index] : []));
  let found = false;
  for (const spec of config.fieldSpecs) {
    for (const index of named) {
      const resource = out[index]!;
      if (!allIds(resource).some((id) => id.name === name && gvkSelectedBy(id, spec))) continue;
      found = true;
      out[index] = withObject(resource, applyFieldSpec(resource.object, spec, setCount));
    }
  }
  if (!found) {
    const gvks = config.fieldSpecs.map((spec) => gvkString({ group: spec.group ?? '', version: spec.version ?? '', kind: spec.kind ?? '' }));
    throw new KustomizeError(
      'no-match',
      `resource with name ${name} does not match a config with the following GVK [${gvks.join(' ')}]`,
      { field: 'replicas' },
      `check the name '${name}' against the resources' names, or add a replicas field spec for its kind in configurations`,
    );
  }
  return out;
}

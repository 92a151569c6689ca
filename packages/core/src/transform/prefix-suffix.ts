import { gvkSelectedBy, type Gvk } from '../resource/id.js';
import { originalId, rememberCurrentId, withObject, type Resource } from '../resource/resource.js';
import { applyFieldSpec, type FieldSetter, type FieldSpec } from './fieldspec.js';
import { assertNodeKind, scalarText } from './node-kind.js';

/** The configuration of kustomize's PrefixTransformer. */
export interface PrefixTransformerConfig {
  readonly prefix: string;
  /** Where names are (TransformerConfig `namePrefix`). */
  readonly fieldSpecs: readonly FieldSpec[];
}

/** The configuration of kustomize's SuffixTransformer. */
export interface SuffixTransformerConfig {
  readonly suffix: string;
  /** Where names are (TransformerConfig `nameSuffix`). */
  readonly fieldSpecs: readonly FieldSpec[];
}

/** Kinds whose names kustomize never prefixes or suffixes, judged by their original id. */
const kindsKeepingNames: readonly Partial<Gvk>[] = [
  { kind: 'CustomResourceDefinition' },
  { group: 'apiregistration.k8s.io', kind: 'APIService' },
  { kind: 'Namespace' },
];

/**
 * Prepends `prefix` to the fields `fieldSpecs` names, as kustomize's PrefixTransformer. CRDs, APIServices
 * and Namespaces are skipped. For each `metadata/name` spec that selects a resource's original kind, the
 * prefix is recorded on the resource and its current id stored as a previous id.
 */
export function transformPrefix(resources: readonly Resource[], config: PrefixTransformerConfig): Resource[] {
  return resources.map((resource) => addAffix(resource, config.fieldSpecs, config.prefix, 'prefixes', (name) => `${config.prefix}${name}`));
}

/** Appends `suffix` to the fields `fieldSpecs` names, as kustomize's SuffixTransformer; see {@link transformPrefix}. */
export function transformSuffix(resources: readonly Resource[], config: SuffixTransformerConfig): Resource[] {
  return resources.map((resource) => addAffix(resource, config.fieldSpecs, config.suffix, 'suffixes', (name) => `${name}${config.suffix}`));
}

function addAffix(
  resource: Resource,
  fieldSpecs: readonly FieldSpec[],
  affix: string,
  list: 'prefixes' | 'suffixes',
  rename: (name: string) => string,
): Resource {
  const original = originalId(resource);
  if (kindsKeepingNames.some((selector) => gvkSelectedBy(original, selector))) return resource;
  const setName: FieldSetter = (value) => {
    assertNodeKind(value, 'ScalarNode');
    return rename(value === undefined ? '' : scalarText(value));
  };
  let out = resource;
  for (const spec of fieldSpecs) {
    // Kustomize selects by the original id here, while the field walk below selects by the current kind.
    if (!gvkSelectedBy(original, spec)) continue;
    if (spec.path === 'metadata/name' && affix !== '') {
      out = rememberCurrentId({ ...out, [list]: [...out[list], affix] });
    }
    out = withObject(out, applyFieldSpec(out.object, spec, setName));
  }
  return out;
}

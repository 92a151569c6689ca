import { gvkSelectedBy, type Gvk } from '../resource/id.js';
import { originalId, rememberCurrentId, withObject, type Resource } from '../resource/resource.js';
import { applyFieldSpec, type FieldSetter, type FieldSpec } from './fieldspec.js';
import { assertNodeKind, scalarText } from './node-kind.js';
import { decodeScalarNode } from './replacements/scalar.js';

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
  const setName: FieldSetter = (value, { node, record }) => {
    assertNodeKind(value, 'ScalarNode');
    const name = rename(value === undefined ? '' : (node?.text ?? scalarText(value)));
    // kustomize sets the new text into an untagged node that keeps the old one's style: a quoted name stays a
    // string, a plain one is read from its text (`t` + `rue` prints as the boolean true). A string that needed
    // no quotes is taken as written plain.
    if (node?.tag === '!!str' && needsQuotes(node.text)) return name;
    const written = plainScalar(name);
    if (written.node !== undefined) record?.(written.node);
    return written.value;
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

/** An untagged plain scalar of text `text` as kustomize's output reads it, and its node when the value does not tell it. */
function plainScalar(text: string): ReturnType<typeof decodeScalarNode> {
  try {
    return decodeScalarNode({ tag: '', text });
  } catch {
    // Text such as `.inf` that JSON cannot hold stays text.
    return { value: text };
  }
}

/** True when `text` written plain reads back as something else than that string (so it was quoted). */
function needsQuotes(text: string): boolean {
  return plainScalar(text).value !== text;
}

import { GoRegExp } from '../../regexp.js';
import { idString, type ResourceId } from '../../resource/id.js';
import { currentId, stringMapOf, type Resource } from '../../resource/resource.js';
import { parseLabelSelector } from '../../resource/select.js';
import type { FieldOptions, ResIdSelector, Selector, SourceSelector } from './types.js';

/**
 * The ids replacements select a resource by: its current id, then its previous ones. As kustomize builds
 * them, previous ids take the current group and version, and no id is treated as cluster-scoped.
 */
export function replacementIds(resource: Resource): ResourceId[] {
  const current = currentId(resource);
  return [current, ...resource.previousIds.map((id) => ({ ...id, group: current.group, version: current.version }))];
}

/** The namespace compared when selecting: `default` for none, with no cluster-scope exception (kustomize's replacement ids have none). */
function namespaceForSelection(namespace: string): string {
  return namespace === '' ? 'default' : namespace;
}

/** True when `id` is selected by `selector`: every non-empty field is equal (namespaces as effective ones). */
export function idSelectedBy(id: ResourceId, selector: ResIdSelector): boolean {
  return (
    (!selector.name || selector.name === id.name) &&
    (!selector.namespace || namespaceForSelection(selector.namespace) === namespaceForSelection(id.namespace)) &&
    (!selector.group || selector.group === id.group) &&
    (!selector.version || selector.version === id.version) &&
    (!selector.kind || selector.kind === id.kind)
  );
}

/** Whether a target's `select` or one of its `reject`s takes an id. */
export type IdTest = (id: ResourceId) => boolean;

/**
 * The id test of a target selector: field by field equality (namespaces as effective ones) or, with
 * `regexps` (kustomize v5.8), each non-empty field an anchored Go regular expression on the id's own field, so
 * that `namespace: default` no longer takes an id without a namespace. Compiles group, version, kind, name and
 * namespace in that order; @throws GoRegExpError on the first invalid pattern.
 */
export function idTest(selector: ResIdSelector, regexps: boolean): IdTest {
  if (!regexps) return (id) => idSelectedBy(id, selector);
  const fields = (['group', 'version', 'kind', 'name', 'namespace'] as const).flatMap((field) => {
    const pattern = selector[field];
    return pattern ? [{ field, pattern: GoRegExp.compile(`^(?:${pattern})$`) }] : [];
  });
  return (id) => fields.every(({ field, pattern }) => pattern.test(id[field]));
}

/** True when no id field of `selector` is set. */
export function isEmptyResId(selector: ResIdSelector): boolean {
  return !selector.group && !selector.version && !selector.kind && !selector.name && !selector.namespace;
}

/** True when the resource's labels and annotations satisfy the selector's label and annotation selectors. */
export function matchesLabelsAndAnnotations(resource: Resource, selector: Selector): boolean {
  // Kustomize parses both selectors before it combines the answers, so a malformed one fails even when the other does not match.
  const annotationsMatch = !selector.annotationSelector || parseLabelSelector(selector.annotationSelector)(stringMapOf(resource.object, 'annotations'));
  const labelsMatch = !selector.labelSelector || parseLabelSelector(selector.labelSelector)(stringMapOf(resource.object, 'labels'));
  return annotationsMatch && labelsMatch;
}

/** Kustomize's text form of an id selector, e.g. `ConfigMap.[noVer].[noGrp]/app.[noNs]`. */
export function resIdString(selector: ResIdSelector): string {
  return idString({
    group: selector.group ?? '',
    version: selector.version ?? '',
    kind: selector.kind ?? '',
    name: selector.name ?? '',
    namespace: selector.namespace ?? '',
  });
}

function optionsString(options: FieldOptions | undefined): string {
  if (options === undefined || (!options.delimiter && !options.create)) return '';
  return `${options.delimiter ?? ''}(${options.index ?? 0}), create=${options.create === true}`;
}

/** Kustomize's text form of a source selector: id, then field path and options where set. */
export function sourceString(source: SourceSelector): string {
  const parts = [resIdString(source)];
  if (source.fieldPath) parts.push(source.fieldPath);
  const options = optionsString(source.options);
  if (options) parts.push(options);
  return parts.join(':');
}

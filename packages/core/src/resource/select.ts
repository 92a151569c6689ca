import { KustomizeError } from '../errors.js';
import { effectiveNamespace } from './id.js';
import { currentId, originalId, stringMapOf, type Resource } from './resource.js';
import { GoRegExp, GoRegExpError } from '../regexp.js';

/** Picks resources by id fields (anchored regular expressions), label selector and annotation selector. */
export interface ResourceSelector {
  readonly group?: string;
  readonly version?: string;
  readonly kind?: string;
  readonly name?: string;
  readonly namespace?: string;
  readonly labelSelector?: string;
  readonly annotationSelector?: string;
}

/** A compiled label selector: true when a label map satisfies it. */
export type LabelMatcher = (labels: Readonly<Record<string, string>>) => boolean;

type Requirement = (labels: Readonly<Record<string, string>>) => boolean;

/**
 * Parses a Kubernetes label selector (`a=b,c!=d,e in (x,y),f notin (z),g,!h,i>3`) into a matcher;
 * an empty selector matches everything.
 */
export function parseLabelSelector(selector: string): LabelMatcher {
  const requirements: Requirement[] = [];
  let rest = selector.trim();
  const fail = (why: string): never => {
    throw new KustomizeError('invalid-kustomization', `unable to parse requirement: ${why} in selector "${selector}"`, {}, 'use the Kubernetes label selector syntax, e.g. "app=web,tier in (front,back)"');
  };
  const has = (labels: Readonly<Record<string, string>>, key: string) => Object.prototype.hasOwnProperty.call(labels, key);
  while (rest.length > 0) {
    const setMatch = /^(!?)\s*([A-Za-z0-9_./-]+)\s+(in|notin)\s*\(([^)]*)\)\s*/.exec(rest);
    const opMatch = /^([A-Za-z0-9_./-]+)\s*(==|=|!=|>|<)\s*([A-Za-z0-9_.-]*)\s*/.exec(rest);
    const existsMatch = /^(!?)\s*([A-Za-z0-9_./-]+)\s*/.exec(rest);
    if (setMatch && setMatch[1] === '') {
      const key = setMatch[2]!;
      const values = new Set(setMatch[4]!.split(',').map((v) => v.trim()).filter((v) => v !== ''));
      requirements.push(setMatch[3] === 'in' ? (l) => has(l, key) && values.has(l[key]!) : (l) => !has(l, key) || !values.has(l[key]!));
      rest = rest.slice(setMatch[0].length);
    } else if (opMatch) {
      const [, key, op, value] = opMatch as unknown as [string, string, string, string];
      if (op === '>' || op === '<') {
        const bound = Number(value);
        if (!Number.isInteger(bound)) fail(`for '${op}', the value must be an integer`);
        requirements.push((l) => has(l, key) && Number.isInteger(Number(l[key])) && (op === '>' ? Number(l[key]) > bound : Number(l[key]) < bound));
      } else if (op === '!=') {
        requirements.push((l) => !has(l, key) || l[key] !== value);
      } else {
        requirements.push((l) => has(l, key) && l[key] === value);
      }
      rest = rest.slice(opMatch[0].length);
    } else if (existsMatch) {
      const key = existsMatch[2]!;
      requirements.push(existsMatch[1] === '!' ? (l) => !has(l, key) : (l) => has(l, key));
      rest = rest.slice(existsMatch[0].length);
    } else {
      fail(`unexpected '${rest}'`);
    }
    if (rest.startsWith(',')) rest = rest.slice(1).trimStart();
    else if (rest.length > 0) fail(`expected ',' before '${rest}'`);
  }
  return (labels) => requirements.every((requirement) => requirement(labels));
}

function anchored(pattern: string | undefined, field: string): GoRegExp | undefined {
  if (!pattern) return undefined;
  try {
    return GoRegExp.compile(`^(?:${pattern})$`);
  } catch (error) {
    const reason = error instanceof GoRegExpError ? ` (${error.message})` : '';
    throw new KustomizeError('invalid-kustomization', `invalid regular expression '${pattern}' in selector field ${field}${reason}`, { field }, 'selector fields are anchored regular expressions in Go syntax');
  }
}

/**
 * A predicate for `selector`, as kustomize's ResMap.Select: name and namespace match the original or the
 * current id, the group/version/kind the current one, labels and annotations the current ones.
 */
export function compileSelector(selector: ResourceSelector): (resource: Resource) => boolean {
  const group = anchored(selector.group, 'group');
  const version = anchored(selector.version, 'version');
  const kind = anchored(selector.kind, 'kind');
  const name = anchored(selector.name, 'name');
  const namespace = anchored(selector.namespace, 'namespace');
  // Kustomize parses the label and annotation selectors only for a resource that passed the other tests.
  const labels = selector.labelSelector ? lazySelector(selector.labelSelector) : undefined;
  const annotations = selector.annotationSelector ? lazySelector(selector.annotationSelector) : undefined;
  return (resource) => {
    const current = currentId(resource);
    if (kind && !kind.test(current.kind)) return false;
    if (group && !group.test(current.group)) return false;
    if (version && !version.test(current.version)) return false;
    const original = originalId(resource);
    if (name && !name.test(original.name) && !name.test(current.name)) return false;
    if (namespace && !namespace.test(effectiveNamespace(original)) && !namespace.test(effectiveNamespace(current))) return false;
    if (labels && !labels(stringMapOf(resource.object, 'labels'))) return false;
    if (annotations && !annotations(stringMapOf(resource.object, 'annotations'))) return false;
    return true;
  };
}

/** The predicate of a label selector, parsed when it is first asked. */
function lazySelector(text: string): LabelMatcher {
  let matches: LabelMatcher | undefined;
  return (labels) => {
    matches ??= parseLabelSelector(text);
    return matches(labels);
  };
}

/** The resources `selector` picks, in order. */
export function selectResources(resources: readonly Resource[], selector: ResourceSelector): Resource[] {
  const matches = compileSelector(selector);
  return resources.filter(matches);
}

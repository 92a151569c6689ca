import { KustomizeError } from '../../errors.js';
import { cloneJson, isJsonObject, maxCopySize, measureJson, scalarNodeAt, type JsonObject, type JsonValue } from '../../json.js';
import { idString } from '../../resource/id.js';
import { followLinks } from '../../resource/links.js';
import { currentId, withObject, type Resource } from '../../resource/resource.js';
import { scalarText } from '../node-kind.js';
import { lookupFieldPlace, splitDottedPath } from './field-path.js';
import { decodeScalarNode, taggedScalar, tagOf, type TaggedScalar } from './scalar.js';
import { goFormatWithoutArguments } from '../../gofmt.js';
import { GoRegExpError } from '../../regexp.js';
import { idSelectedBy, idTest, isEmptyResId, matchesLabelsAndAnnotations, replacementIds, resIdString, sourceString, type IdTest } from './select.js';
import { writeIntoStructuredData } from './structured.js';
import { setMatchingFields, type TargetSetter, type Walked, type Written } from './target-path.js';
import { versionBehaviour, type VersionBehaviour } from '../../versions.js';
import { defaultReplacementFieldPath, type FieldOptions, type Replacement, type SourceSelector, type TargetSelector } from './types.js';

/** The value a replacement copies: a scalar keeps its YAML tag, a map or list is copied whole (`depth` deep). */
type SourceValue = { readonly scalar: TaggedScalar } | { readonly node: JsonValue; readonly depth: number };

function isCompound(value: JsonValue): boolean {
  return Array.isArray(value) || isJsonObject(value);
}

function isNilOrEmpty(value: JsonValue): boolean {
  if (value === null) return true;
  if (Array.isArray(value)) return value.length === 0;
  return isJsonObject(value) && Object.keys(value).length === 0;
}

function failed(message: string, field: string | undefined, hint?: string): KustomizeError {
  return new KustomizeError('transform-failed', message, field === undefined ? {} : { field }, hint);
}

/** The one resource the source selects, by any of its ids. */
function selectSource(resources: readonly Resource[], source: SourceSelector): Resource {
  let match: Resource | undefined;
  for (const resource of resources) {
    if (!replacementIds(resource).some((id) => idSelectedBy(id, source))) continue;
    if (match !== undefined) {
      throw new KustomizeError('ambiguous-match', `multiple matches for selector ${sourceString(source)}`, {}, 'narrow the source with kind, name or namespace');
    }
    match = resource;
  }
  if (match === undefined) {
    throw new KustomizeError('no-match', `nothing selected by ${sourceString(source)}`, {}, 'the source must name exactly one resource of the build (by its current or an earlier id)');
  }
  return match;
}

/** The value a replacement copies: its static `sourceValue` (an untagged scalar), or the source's field. */
function replacementValue(resources: readonly Resource[], replacement: Replacement): SourceValue {
  if (replacement.sourceValue !== undefined && replacement.source !== undefined) {
    throw new KustomizeError('invalid-kustomization', 'value and resource selectors are mutually exclusive', { field: 'replacements' }, 'give either sourceValue or source');
  }
  if (replacement.sourceValue !== undefined) return { scalar: { tag: '', text: replacement.sourceValue } };
  return sourceValue(resources, replacement.source!);
}

function sourceValue(resources: readonly Resource[], source: SourceSelector): SourceValue {
  const resource = selectSource(resources, source);
  const fieldPath = source.fieldPath || defaultReplacementFieldPath;
  let place: ReturnType<typeof lookupFieldPlace>;
  try {
    place = lookupFieldPlace(resource.object, splitDottedPath(fieldPath));
  } catch (error) {
    throw failed(`error looking up replacement source: ${(error as Error).message}`, fieldPath);
  }
  const found = place?.value;
  if (found === undefined || isNilOrEmpty(found)) {
    throw new KustomizeError('no-match', `fieldPath \`${fieldPath}\` is missing for replacement source ${resIdString(source)}`, { field: fieldPath }, `check the path against ${idString(currentId(resource))}`);
  }
  if (isCompound(found)) {
    if (source.options?.delimiter) throw failed('delimiter option can only be used with scalar nodes', fieldPath);
    // Copies of copies would grow a resource exponentially with the number of replacements.
    const size = measureJson(found, maxCopySize);
    if (size.nodes > maxCopySize.nodes) {
      throw new KustomizeError('limit-exceeded', `the replacement source ${fieldPath} has more than ${maxCopySize.nodes} nodes`, { field: fieldPath }, 'copy a smaller part of the resource');
    }
    return { node: found, depth: size.depth };
  }
  // The source's node gives the text (`1.50`, `0x10` as written) and the tag.
  const scalarValue = found as string | number | boolean | null;
  const scalar: TaggedScalar = place?.container === undefined ? { tag: tagOf(scalarValue), text: scalarText(found) } : taggedScalar(scalarNodeAt(place.container, place.key!, scalarValue));
  const delimiter = source.options?.delimiter;
  if (!delimiter) return { scalar };
  const parts = scalar.text.split(delimiter);
  const index = source.options?.index ?? 0;
  if (index >= parts.length || index < 0) {
    throw failed(`options.index ${index} is out of bounds for value ${scalar.text}`, fieldPath, `the value has ${parts.length} parts`);
  }
  return { scalar: { tag: scalar.tag, text: parts[index]! } };
}

/** Writes `value` into one matched field, keeping a scalar target's type, as kustomize's setFieldValue. */
function targetSetter(value: SourceValue, options: FieldOptions | undefined, fieldPath: string, target: Resource): TargetSetter {
  const where = `in ${idString(currentId(target))}`;
  return (current, createdText = '', currentNode): Written => {
    const targetIsScalar = current === undefined ? 'scalar' in value : !isCompound(current);
    let text = 'scalar' in value ? value.scalar.text : '';
    if (options?.delimiter) {
      if (!targetIsScalar) throw failed('delimiter option can only be used with scalar nodes', fieldPath, where);
      const parts = (current === undefined ? createdText : (currentNode?.text ?? scalarText(current))).split(options.delimiter);
      const index = options.index ?? 0;
      if (index < 0) parts.unshift(text);
      else if (index >= parts.length) parts.push(text);
      else parts[index] = text;
      text = parts.join(options.delimiter);
    }
    try {
      // A scalar target keeps its tag and takes the text; anything else is replaced by the value's node.
      if (targetIsScalar) {
        const tag = current === undefined ? '' : currentNode === undefined ? tagOf(current as string | number | boolean | null) : taggedScalar(currentNode).tag;
        return decodeScalarNode({ tag, text });
      }
      return 'scalar' in value ? decodeScalarNode({ tag: value.scalar.tag, text }) : { value: cloneJson(value.node) };
    } catch (error) {
      // kustomize decodes the node only when it writes the resource out, as a map.
      throw failed(`map[string]interface {}(nil): yaml: ${(error as Error).message}`, fieldPath, `the value does not fit the type of the field ${where}`);
    }
  };
}

/** Kustomize's words for a target field it cannot reach; up to v5.7 they went through Go's fmt as a format, `%` in the path included. */
function fieldRetrievalError(fieldPath: string, create: boolean, verbatim: boolean): string {
  const text = create ? `unable to find or create field "${fieldPath}" in replacement target` : `unable to find field "${fieldPath}" in replacement target`;
  return verbatim ? text : goFormatWithoutArguments(text);
}

/** Writes the value at one field path of an object; throws kustomize's "unable to find field" errors. */
function writeFieldPath(object: JsonObject, fieldPath: string, create: boolean, set: TargetSetter, target: Resource, verbatim: boolean): JsonObject {
  let walked: Walked;
  try {
    walked = setMatchingFields(object, splitDottedPath(fieldPath), create, set);
  } catch (error) {
    if (error instanceof KustomizeError) throw error;
    throw failed(`${fieldRetrievalError(fieldPath, create, verbatim)}: ${(error as Error).message}`, fieldPath, `in ${idString(currentId(target))}`);
  }
  if (walked.matches === 0) {
    throw failed(fieldRetrievalError(fieldPath, create, verbatim), fieldPath, `${idString(currentId(target))} has no such field; set options.create to add it`);
  }
  return walked.node as JsonObject;
}

/** Writes the value at each of the target's field paths; from v5.8 a path may go on into JSON or YAML held in a string field. */
function copyValueToTarget(resource: Resource, value: SourceValue, target: TargetSelector, behaviour: ReplacementBehaviour): Resource {
  const fieldPaths = target.fieldPaths !== undefined && target.fieldPaths.length > 0 ? target.fieldPaths : [defaultReplacementFieldPath];
  const create = target.options?.create === true;
  let object = resource.object;
  for (const fieldPath of fieldPaths) {
    const parts = splitDottedPath(fieldPath);
    if ('node' in value && value.depth + parts.length > maxCopySize.depth) {
      throw new KustomizeError('limit-exceeded', `the replacement would nest ${idString(currentId(resource))} more than ${maxCopySize.depth} levels deep`, { field: fieldPath }, 'copy a smaller part of the resource');
    }
    const intoData = behaviour.structuredDataFieldPaths ? writeIntoStructuredData(object, parts, value, create) : undefined;
    object = intoData ?? writeFieldPath(object, fieldPath, create, targetSetter(value, target.options, fieldPath, resource), resource, behaviour.verbatimPathsInErrors);
  }
  // A replacement sets the text of the target's node in place, entries written together included.
  return followLinks(resource, withObject(resource, object));
}

/** What decides which resources a target takes: its selectors, and how their id fields compare. */
interface TargetTest {
  readonly target: TargetSelector;
  readonly selects: IdTest;
  /** The id tests of the rejects that set an id field. */
  readonly rejects: readonly IdTest[];
}

/** The target's id tests, compiled before any resource is looked at, as kustomize compiles them. */
function targetTest(target: TargetSelector, regexps: boolean): TargetTest {
  try {
    const selects = idTest(target.select, regexps);
    const rejects = (target.reject ?? []).filter((reject) => !isEmptyResId(reject)).map((reject) => idTest(reject, regexps));
    return { target, selects, rejects };
  } catch (error) {
    if (!(error instanceof GoRegExpError)) throw error;
    throw new KustomizeError('invalid-kustomization', `error creating target selector: ${error.message}`, { field: 'replacements' }, 'the id fields of select and reject are regular expressions in Go syntax (RE2)');
  }
}

/** True when the target's select takes the resource and none of its rejects does. */
function isTarget(resource: Resource, { target, selects, rejects }: TargetTest): boolean {
  if (!matchesLabelsAndAnnotations(resource, target.select)) return false;
  if ((target.reject ?? []).some((reject) => (reject.annotationSelector || reject.labelSelector) && matchesLabelsAndAnnotations(resource, reject))) return false;
  const ids = replacementIds(resource);
  if (rejects.some((rejected) => ids.some(rejected))) return false;
  return ids.some(selects);
}

/** How a kustomize release reads replacements: the rows of the version table that concern them. */
export type ReplacementBehaviour = Pick<VersionBehaviour, 'replacementSelectorRegexps' | 'structuredDataFieldPaths' | 'verbatimPathsInErrors'>;

/**
 * Applies kustomize's `replacements` in order, each seeing the result of the ones before: reads the source
 * field of the one resource the source selects (by current or earlier id), then writes it into each target
 * field of every selected, not rejected resource, as the kustomize release of `behaviour` does (the newest by
 * default). Copy-on-write: unchanged resources are returned as they are.
 * Throws a KustomizeError when the source selects no resource or several, when a field is missing, or when a
 * value does not fit its target. `onUnmatchedTarget` hears of each target that selected no resource
 * (indices of the replacement and of its target, and the resources it was tried on).
 */
export function applyReplacements(
  resources: readonly Resource[],
  replacements: readonly Replacement[],
  onUnmatchedTarget?: (replacement: number, target: number, resources: readonly Resource[]) => void,
  behaviour: ReplacementBehaviour = versionBehaviour(),
): Resource[] {
  let current = [...resources];
  replacements.forEach((replacement, index) => {
    const value = replacementValue(current, replacement);
    replacement.targets.forEach((target, targetIndex) => {
      const test = targetTest(target, behaviour.replacementSelectorRegexps);
      let matched = false;
      const before = current;
      current = current.map((resource) => {
        if (!isTarget(resource, test)) return resource;
        matched = true;
        return copyValueToTarget(resource, value, target, behaviour);
      });
      if (!matched) onUnmatchedTarget?.(index, targetIndex, before);
    });
  });
  return current;
}

/**
 * Replacement targets inside structured data (kustomize v5.8): a field path that reaches a string field holding
 * JSON or YAML and goes on into it, e.g. `data.config\.json.database.host`. kustomize parses the string, writes
 * into the parsed data, and prints it back: as JSON (Go's encoding/json, keys sorted; indented by two spaces when
 * the original spans lines and holds a double space) when it started with `{` or `[`, else as YAML.
 */
import { isMap, isScalar, isSeq, parseDocument, type Document, type Node } from 'yaml';
import { goJson } from '../../generate/gojson.js';
import { cloneJson, getOwn, isJsonObject, type JsonObject, type JsonValue } from '../../json.js';
import { withoutYamlLogging } from '../../yaml/compose.js';
import { parseYaml } from '../../yaml/index.js';
import { lookupField } from './field-path.js';
import { decodeScalar, taggedScalar, tagOf, type TaggedScalar } from './scalar.js';
import { setMatchingFields, type TargetSetter, type Written } from './target-path.js';

/** The value written: a scalar with its tag, or a map or list. */
export type StructuredValue = { readonly scalar: TaggedScalar } | { readonly node: JsonValue };

/** The first prefix of `parts` (shorter than `parts`) that ends at a scalar, as kustomize looks it up; `undefined` when there is none. */
function scalarPrefix(object: JsonObject, parts: readonly string[]): { readonly length: number; readonly text: string } | undefined {
  for (let length = 1; length < parts.length; length++) {
    let found: JsonValue | undefined;
    try {
      found = lookupField(object, parts.slice(0, length));
    } catch {
      continue;
    }
    if (found === undefined || isJsonObject(found) || Array.isArray(found)) continue;
    // kustomize parses the scalar's text; a null or empty one is no data, and a number or boolean holds no fields.
    return typeof found === 'string' && found.trim() !== '' ? { length, text: found } : undefined;
  }
  return undefined;
}

/** What kustomize sets on each matched node of the parsed data: a scalar keeps its tag and takes the text; anything else becomes the value. */
function structuredSetter(value: StructuredValue): TargetSetter {
  const text = 'scalar' in value ? value.scalar.text : '';
  const written = (json: JsonValue): Written => ({ value: json });
  return (current, _createdText, currentNode) => {
    if (current === undefined) return written('scalar' in value ? decodeScalar({ tag: '', text }) : cloneJson(value.node));
    if (!isJsonObject(current) && !Array.isArray(current)) return written(decodeScalar({ tag: currentNode === undefined ? tagOf(current) : taggedScalar(currentNode).tag, text }));
    return written('scalar' in value ? decodeScalar(value.scalar) : cloneJson(value.node));
  };
}

/**
 * The data printed back in the original's form: JSON for text starting with `{` or `[`; else the original YAML
 * document with the changed values put in, keeping its comments, key order and scalar styles, as kyaml prints
 * the node it edited.
 */
function printBack(before: JsonValue, after: JsonValue, original: string): string {
  const first = original.trim()[0];
  if (first === '{' || first === '[') return goJson(after, original.includes('\n') && original.includes('  ') ? '  ' : undefined);
  return withoutYamlLogging(() => {
    const document: Document = parseDocument(original, { version: '1.2' });
    document.contents = edited(document, document.contents, before, after);
    return document.toString({ indent: 2, indentSeq: false, lineWidth: 0, flowCollectionPadding: false }).trim();
  });
}

/** `node` (which holds `before`) changed to hold `after`: scalars keep their style, maps and lists their other entries. */
function edited(document: Document, node: unknown, before: JsonValue, after: JsonValue): Node {
  if (isScalar(node) && !isCompound(after)) {
    if (before !== after) node.value = after;
    return node;
  }
  if (isMap(node) && isJsonObject(before) && isJsonObject(after)) {
    for (const [key, value] of Object.entries(after)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === key);
      if (pair === undefined) node.set(key, document.createNode(value));
      else if (getOwn(before, key) !== value) pair.value = edited(document, pair.value, getOwn(before, key) ?? null, value);
    }
    return node;
  }
  if (isSeq(node) && Array.isArray(before) && Array.isArray(after)) {
    after.forEach((value, index) => {
      if (index >= node.items.length) node.items.push(document.createNode(value));
      else if (before[index] !== value) node.items[index] = edited(document, node.items[index], before[index] ?? null, value);
    });
    return node;
  }
  return document.createNode(after);
}

function isCompound(value: JsonValue): boolean {
  return isJsonObject(value) || Array.isArray(value);
}

/**
 * Writes `value` at `parts` of `object` where a prefix of the path is a string field holding JSON or YAML and the
 * rest of the path reaches into that data (kustomize v5.8's setValueInStructuredData). Returns the new object, or
 * `undefined` when the path does not go through such a field or nothing in the data matches, where kustomize falls
 * back to the plain field path.
 */
export function writeIntoStructuredData(object: JsonObject, parts: readonly string[], value: StructuredValue, create: boolean): JsonObject | undefined {
  const prefix = scalarPrefix(object, parts);
  if (prefix === undefined) return undefined;
  let printed: string;
  try {
    const data = parseYaml(prefix.text, 'structured data', { dialect: 'kyaml' });
    if (!isJsonObject(data) && !Array.isArray(data)) return undefined;
    const walked = setMatchingFields(data, parts.slice(prefix.length), create, structuredSetter(value));
    if (walked.matches === 0) return undefined;
    printed = printBack(data, walked.node, prefix.text);
  } catch {
    return undefined;
  }
  // kustomize writes back to the one field its lookup found: the first match of the prefix.
  let written = false;
  const next = setMatchingFields(object, parts.slice(0, prefix.length), false, (current) => {
    if (written || current !== prefix.text) return { value: current ?? null };
    written = true;
    return { value: printed };
  });
  return next.node as JsonObject;
}

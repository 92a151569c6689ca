/**
 * A kustomization file open for editing. Edits change the `yaml` package's Document; the new text keeps
 * the file's comments, key order and formatting: the edited Document is printed, and only the lines the edit
 * changed are taken from that print — every other line comes from the original file (a three-way merge of
 * the file, the print of the unedited Document and the print of the edited one, checked by parsing it back).
 * New content is written as kustomize writes it (yaml.v2 quoting, sorted keys).
 */
import { isMap, isScalar, isSeq, parseDocument, visit, YAMLMap, YAMLSeq, type Document, type Node, type Pair, type ToStringOptions } from 'yaml';
import { KustomizeError } from '../errors.js';
import { isJsonObject, type JsonObject, type JsonValue } from '../json.js';
import { decodeObject } from '../kustomization/decode.js';
import { kustomizationShape } from '../kustomization/schema.js';
import { versionBehaviour } from '../versions.js';
import { mergeLines, splitLines } from '../diff/lines.js';
import { withoutYamlLogging } from '../yaml/compose.js';
import { emitYaml, parseYaml } from '../yaml/index.js';

/** A YAML node that holds a value: a scalar, a map or a list. */
export type ValueNode = Node;

/** kustomize reads kustomization files as YAML 1.1 (sigs.k8s.io/yaml). */
const parseOptions = { version: '1.1' as const };

/** `text` as a Document; the `yaml` package's debug logging (an environment variable) kept off stdout. */
function parseKustomizationDocument(text: string): Document.Parsed {
  return withoutYamlLogging(() => parseDocument(text, parseOptions));
}

/**
 * Decodes a kustomization text as the newest kustomize does (sigs.k8s.io/yaml, unknown fields are errors) and returns
 * it with canonical field names.
 */
export function decodeKustomizationText(text: string, file: string): JsonObject {
  const parsed = parseYaml(text, file, { dialect: 'sigs-yaml' });
  return decodeObject(parsed ?? {}, kustomizationShape(versionBehaviour()), 'Kustomization', file);
}

/** An open kustomization file: its Document to edit and what is needed to print it back in its own style. */
export class KustomizationDocument {
  /** The Document; edit it through the helpers of this module. */
  readonly document: Document;
  private readonly source: string;
  private readonly carriageReturns: boolean;
  private readonly byteOrderMark: boolean;
  private readonly style: ToStringOptions;
  private readonly originalPrint: string;

  /**
   * Opens `text`, the content of `file`.
   *
   * @throws KustomizeError when the text is not YAML, not a map, or not a valid kustomization.
   */
  constructor(
    readonly file: string,
    readonly text: string,
  ) {
    this.byteOrderMark = text.startsWith('\uFEFF');
    const withoutMark = this.byteOrderMark ? text.slice(1) : text;
    this.carriageReturns = withoutMark.includes('\r\n');
    this.source = this.carriageReturns ? withoutMark.replace(/\r\n/g, '\n') : withoutMark;
    decodeKustomizationText(this.source, file);
    this.document = parseKustomizationDocument(this.source);
    const error = this.document.errors[0];
    if (error) throw new KustomizeError('yaml-syntax', error.message, { file });
    if (this.document.contents === null) this.document.contents = new YAMLMap();
    if (!isMap(this.document.contents)) throw new KustomizeError('invalid-kustomization', 'the kustomization is not a map', { file }, 'a kustomization file holds one YAML map');
    this.style = detectStyle(this.document, this.source);
    this.originalPrint = this.document.toString(this.style);
  }

  /** The top-level map. */
  get root(): YAMLMap {
    return this.document.contents as YAMLMap;
  }

  /** The kustomization as it now stands, decoded as kustomize decodes it (canonical field names). */
  model(): JsonObject {
    return decodeKustomizationText(this.document.toString(this.style), this.file);
  }

  /**
   * The new text of the file: the original text when the edit changed nothing, else the original with the
   * edited lines replaced, in the file's line endings.
   *
   * @throws KustomizeError when the edited Document is no longer a valid kustomization.
   */
  print(): string {
    const edited = this.document.toString(this.style);
    if (edited === this.originalPrint) return this.text;
    const merged = mergeLines(splitLines(this.originalPrint), splitLines(this.source), splitLines(edited)).lines.join('');
    const text = this.sameContent(merged) ? merged : edited;
    decodeKustomizationText(text, this.file);
    const withEndings = this.carriageReturns ? text.replace(/\n/g, '\r\n') : text;
    return this.byteOrderMark ? `\uFEFF${withEndings}` : withEndings;
  }

  /** Whether `text` parses to what the edited Document holds. */
  private sameContent(text: string): boolean {
    const reparsed = parseKustomizationDocument(text);
    if (reparsed.errors.length > 0) return false;
    return JSON.stringify(reparsed.toJS({ maxAliasCount: -1 })) === JSON.stringify(this.document.toJS({ maxAliasCount: -1 }));
  }
}

/**
 * The print options that reproduce the file's own layout: list items indented under their key or not,
 * the indentation step, spaces inside flow collections; no line folding.
 */
function detectStyle(document: Document, source: string): ToStringOptions {
  let indentSeq: boolean | undefined;
  let indent: number | undefined;
  let flowCollectionPadding: boolean | undefined;
  const column = (offset: number) => offset - (source.lastIndexOf('\n', offset - 1) + 1);
  visit(document, {
    Pair(_, pair) {
      const key = pair.key as Node | null;
      const value = pair.value as Node | null;
      if (!key?.range || !value?.range || !(isSeq(value) || isMap(value)) || value.flow) return;
      const step = column(value.range[0]) - column(key.range[0]);
      if (isSeq(value)) indentSeq ??= step > 0;
      else if (step > 0) indent ??= step;
    },
    Seq(_, seq) {
      if (seq.flow && seq.items.length > 0 && seq.range) flowCollectionPadding ??= source[seq.range[0] + 1] === ' ';
    },
    Map(_, map) {
      if (map.flow && map.items.length > 0 && map.range) flowCollectionPadding ??= source[map.range[0] + 1] === ' ';
    },
  });
  return { lineWidth: 0, indent: indent ?? 2, indentSeq: indentSeq ?? false, flowCollectionPadding: flowCollectionPadding ?? true };
}

/** `value` as a node written the way kustomize writes it (sigs.k8s.io/yaml: yaml.v2 quoting, sorted keys). */
export function kustomizeNode(value: JsonValue): ValueNode {
  return parseKustomizationDocument(emitYaml(value)).contents as ValueNode;
}

/** The text of a scalar key. */
function keyText(pair: Pair): string | undefined {
  const key = pair.key;
  if (isScalar(key)) return String(key.value);
  return typeof key === 'string' ? key : undefined;
}

/**
 * The pair of `map` for the field `name`. At the top level kustomize matches field names case-insensitively
 * (Go's encoding/json), so `ignoreCase` finds `Resources` for `resources`; an exact match wins.
 */
export function findPair(map: YAMLMap, name: string, ignoreCase = false): Pair | undefined {
  const pairs = map.items as Pair[];
  return pairs.find((pair) => keyText(pair) === name) ?? (ignoreCase ? pairs.find((pair) => keyText(pair)?.toLowerCase() === name.toLowerCase()) : undefined);
}

/** The node of `map` under `name`, when there is one. */
export function getNode(map: YAMLMap, name: string, ignoreCase = false): ValueNode | undefined {
  const value = findPair(map, name, ignoreCase)?.value as ValueNode | null | undefined;
  return value ?? undefined;
}

/** Moves the comments of `from` onto `to`, so replacing a node keeps what was written about it. */
function keepComments(from: unknown, to: ValueNode): ValueNode {
  if (from === null || typeof from !== 'object') return to;
  const old = from as { comment?: string | null; commentBefore?: string | null; spaceBefore?: boolean };
  if (old.comment) to.comment = old.comment;
  if (old.commentBefore) to.commentBefore = old.commentBefore;
  if (old.spaceBefore) to.spaceBefore = true;
  return to;
}

/**
 * Sets `name` in `map` to `value`. An existing scalar keeps its comments and, when it was quoted, its quote
 * style; a new key goes at the end of the map, or, with `sorted`, among its keys in order when they are
 * sorted (as kustomize writes maps).
 */
export function setValue(map: YAMLMap, name: string, value: JsonValue, options: { ignoreCase?: boolean; sorted?: boolean } = {}): void {
  const pair = findPair(map, name, options.ignoreCase);
  if (pair) pair.value = replacementNode(pair.value, value);
  else insertPair(map, name, kustomizeNode(value), options.sorted === true);
}

/** `value` as a node to put where `old` was: its comments kept, and its quote style when it was a quoted string. */
function replacementNode(old: unknown, value: JsonValue): ValueNode {
  const node = kustomizeNode(value);
  if (isScalar(old) && isScalar(node) && node.type === 'PLAIN' && typeof value === 'string' && (old.type === 'QUOTE_DOUBLE' || old.type === 'QUOTE_SINGLE')) {
    node.type = old.type;
  }
  return keepComments(old, node);
}

/** Sets item `index` of `list` to `value`, as {@link setValue} sets a map value. */
export function setListItem(list: YAMLSeq, index: number, value: JsonValue): void {
  list.items[index] = replacementNode(list.items[index], value);
}

/**
 * Sets the list field `name` to `values`: an existing list keeps its place, comments and flow or block
 * style; an empty `values` removes the field (as kustomize omits it).
 */
export function replaceList(root: YAMLMap, name: string, values: readonly JsonValue[]): void {
  const existing = getNode(root, name, true);
  if (!isSeq(existing) || values.length === 0) {
    setField(root, name, [...values]);
    return;
  }
  existing.items = values.map((value, i) => (i < existing.items.length ? replacementNode(existing.items[i], value) : kustomizeNode(value)));
}

/**
 * Sets the top-level field `name` as kustomize would write it: a value kustomize omits (`omitempty`: an
 * empty string, list or map) removes the field instead.
 */
export function setField(root: YAMLMap, name: string, value: JsonValue): void {
  if (value === '' || (Array.isArray(value) && value.length === 0) || (isJsonObject(value) && Object.keys(value).length === 0)) {
    deleteKey(root, name, true);
    return;
  }
  setValue(root, name, value, { ignoreCase: true });
}

/**
 * Sets the entries of the map field `name`: into the existing map (new keys in sorted position when its
 * keys are sorted), or as a new field written as kustomize writes maps (keys sorted).
 */
export function setMapEntries(root: YAMLMap, name: string, entries: Readonly<Record<string, string>>): void {
  const existing = getNode(root, name, true);
  if (!isMap(existing)) {
    setField(root, name, { ...entries });
    return;
  }
  for (const [key, value] of Object.entries(entries)) setValue(existing, key, value, { sorted: true });
}

/** Renames the pair `from` of `map` to `to` in place, keeping its comments; with `value`, that becomes its value. */
export function renameField(map: YAMLMap, from: string, to: string, value?: ValueNode): void {
  const pair = findPair(map, from, true);
  if (!pair) return;
  pair.key = keepComments(pair.key, kustomizeNode(to));
  if (value !== undefined) pair.value = keepComments(pair.value, value);
}

/** A new pair `name: node`, the key written as kustomize writes it. */
function newPair(name: string, node: ValueNode): Pair {
  const holder = new YAMLMap();
  holder.set(kustomizeNode(name), node);
  return holder.items[0]!;
}

/** Inserts the pair `name: value` at `index` of `map`. */
export function insertField(map: YAMLMap, index: number, name: string, value: JsonValue): void {
  map.items.splice(index, 0, newPair(name, kustomizeNode(value)));
}

function insertPair(map: YAMLMap, name: string, node: ValueNode, sorted: boolean): void {
  const pair = newPair(name, node);
  const keys = (map.items as Pair[]).map(keyText);
  const isSorted = keys.every((key, i) => i === 0 || (keys[i - 1] ?? '') <= (key ?? ''));
  const at = sorted && isSorted ? keys.findIndex((key) => (key ?? '') > name) : -1;
  if (at < 0) map.items.push(pair);
  else map.items.splice(at, 0, pair);
}

/** Removes `name` from `map`, when it is there. */
export function deleteKey(map: YAMLMap, name: string, ignoreCase = false): void {
  const pair = findPair(map, name, ignoreCase);
  if (pair) map.items.splice(map.items.indexOf(pair), 1);
}

/**
 * Appends `values` to the list under `name` (created, kustomize style, when missing or null). A block list
 * gets block items; a flow list stays flow.
 */
export function appendToList(map: YAMLMap, name: string, values: readonly JsonValue[], ignoreCase = false): void {
  if (values.length === 0) return;
  const existing = getNode(map, name, ignoreCase);
  if (isSeq(existing)) {
    for (const value of values) existing.items.push(kustomizeNode(value));
    return;
  }
  const pair = findPair(map, name, ignoreCase);
  if (pair) pair.value = keepComments(pair.value, kustomizeNode([...values]));
  else insertPair(map, name, kustomizeNode([...values]), false);
}

/**
 * Inserts `value` into `list` before the first item whose `name` sorts after its own when the items are
 * sorted by name (as `kustomize edit set image|replicas` write them), else at the end.
 */
export function insertByName(list: YAMLSeq, value: JsonObject & { name: string }): void {
  const names = list.items.map((item) => (isMap(item) ? String(item.get('name') ?? '') : ''));
  const isSorted = names.every((name, i) => i === 0 || names[i - 1]! <= name);
  const at = isSorted ? names.findIndex((name) => name > value.name) : -1;
  const node = kustomizeNode(value);
  if (at < 0) list.items.push(node);
  else list.items.splice(at, 0, node);
}

/** Removes the items at `indices` from the list under `name`; the key goes when the list is left empty. */
export function removeListItems(map: YAMLMap, name: string, indices: ReadonlySet<number>, ignoreCase = false): void {
  const list = getNode(map, name, ignoreCase);
  if (!isSeq(list) || indices.size === 0) return;
  list.items = list.items.filter((_, i) => !indices.has(i));
  if (list.items.length === 0) deleteKey(map, name, ignoreCase);
}

/** The list under `name`, created (empty, block style) when missing. */
export function ensureList(map: YAMLMap, name: string, ignoreCase = false): YAMLSeq {
  const existing = getNode(map, name, ignoreCase);
  if (isSeq(existing)) return existing;
  const list = new YAMLSeq();
  const pair = findPair(map, name, ignoreCase);
  if (pair) pair.value = keepComments(pair.value, list);
  else insertPair(map, name, list, false);
  return list;
}

/**
 * Reads YAML into plain JSON exactly as kustomize reads it. Two readers matter:
 * - kyaml (yaml.v3) for resources and strategic-merge patches: kustomize splits the stream
 *   itself, expands anchors and `<<` merges (kyaml `DeAnchor`), and its output path decodes each
 *   resource with yaml.v3 and re-encodes it with `encoding/json` — so timestamps become RFC 3339
 *   strings, duplicate keys and non-string keys below the top level are errors.
 * - sigs.k8s.io/yaml `YAMLToJSON` (yaml.v2, YAML 1.1 scalars such as `yes`/`on`) for
 *   kustomization files, JSON 6902 patches and builtin plugin configurations.
 * The `yaml` package does the syntax; scalar meaning, keys, anchors and merges follow go-yaml.
 * Documents of plain data (most of them) are read first by the faster plain reader (plain-reader.ts),
 * which hands anything outside its subset to the full reader.
 */
import { type Document, isMap, isScalar, isSeq, type YAMLError } from 'yaml';
import { KustomizeError } from '../errors.js';
import type { JsonValue } from '../json.js';
import { DocumentConverter, type MaybeNode } from './convert.js';
import { indentQuotedContinuations, quotedScalarEnd } from './quoted.js';
import type { GoYamlVersion } from './resolve.js';
import { type Composed, composeDocuments } from './compose.js';
import { libyamlLine, libyamlMessage } from './libyaml-messages.js';
import { NOT_PLAIN, readPlainDocument } from './plain-reader.js';
import { asLimitError, goYamlError, LineIndex, limitError, nestingError, type SourceText, syntaxError } from './source.js';
import { InvalidSeparatorError, normaliseLineEnds, splitDocuments } from './split.js';

/**
 * Which of kustomize's YAML readers to follow.
 * - `kyaml`: resources and strategic-merge patches (yaml.v3 rules).
 * - `sigs-yaml`: kustomization files, JSON 6902 patches, builtin plugin configurations
 *   (sigs.k8s.io/yaml `YAMLToJSON`, yaml.v2 rules: YAML 1.1 booleans, first document only,
 *   later duplicate keys win, non-string keys become strings).
 */
export type YamlDialect = 'kyaml' | 'sigs-yaml';

/** Options for {@link parseYaml}. */
export interface ParseYamlOptions {
  /** Which reader to follow; `kyaml` unless said otherwise. */
  readonly dialect?: YamlDialect;
}

/**
 * Every document of a resource stream, as kustomize reads them: `null` for an empty document
 * (nothing but comments, `~`, or an empty line), so callers can drop it and still know each
 * document's index. Throws `KustomizeError` (`yaml-syntax`, `limit-exceeded`) naming file,
 * document and line.
 */
export function parseYamlDocuments(text: string, file: string): JsonValue[] {
  const normalised = normaliseLineEnds(text);
  const lines = new LineIndex(normalised);
  let chunks;
  try {
    chunks = splitDocuments(normalised);
  } catch (error) {
    if (!(error instanceof InvalidSeparatorError)) throw error;
    throw new KustomizeError('yaml-syntax', `${lines.describe(error.offset)}: ${error.message}`, { file }, 'a document separator line may only be followed by a comment');
  }
  // One scan of the whole stream spares the per-document checks in the usual case.
  const unusual = UNUSUAL_CHARACTER.test(normalised);
  return chunks.map((chunk, document) => {
    const text = unusual ? libyamlLineBreaks(chunk.text) : chunk.text;
    return readDocument({ text, offset: chunk.offset, lines, file, document, resourceFile: true }, 'v3', true, unusual);
  });
}

/**
 * The single document of `text`. With the `kyaml` dialect (default) a stream of more than one
 * non-empty document is an error; with `sigs-yaml`, as in sigs.k8s.io/yaml, later documents are
 * ignored. An empty text is `null`.
 */
export function parseYaml(text: string, file: string, options: ParseYamlOptions = {}): JsonValue {
  if (options.dialect === 'sigs-yaml') {
    const normalised = libyamlLineBreaks(normaliseLineEnds(text));
    const source: SourceText = { text: normalised, offset: 0, lines: new LineIndex(normalised), file, document: 0 };
    return readDocument(source, 'v2', false, true);
  }
  const documents = parseYamlDocuments(text, file);
  const present = documents.filter((document) => document !== null);
  if (present.length > 1) {
    throw new KustomizeError('yaml-syntax', `expected one YAML document, found ${present.length}`, { file }, 'keep one document in this file');
  }
  return present[0] ?? null;
}

/**
 * libyaml reads a lone CR and a NEL as a line feed; the `yaml` package (YAML 1.2) does not,
 * so they are turned into `\n` before parsing. Offsets do not move.
 */
function libyamlLineBreaks(text: string): string {
  return /[\r\u0085]/.test(text) ? text.replace(/[\r\u0085]/g, '\n') : text;
}

/** Most under-indented quoted scalars re-indented in one document before giving up. */
const MAX_QUOTED_SCALAR_REPAIRS = 100;

/** Control characters, CR and NEL: what needs a closer look before parsing. */
const UNUSUAL_CHARACTER = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\ufffe\uffff]/;

/** Characters libyaml's reader refuses anywhere in the input. */
const CONTROL_CHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u0084\u0086-\u009f\ufffe\uffff]/;

/**
 * One document of `text` (the first, with `sigs-yaml`) read by the `yaml` package and the converter
 * alone, without the fast reader for plain data: what that reader is tested against.
 */
export function readDocumentFully(text: string, dialect: YamlDialect): JsonValue {
  const source: SourceText = { text, offset: 0, lines: new LineIndex(text), file: 'document.yaml', document: 0 };
  return dialect === 'kyaml' ? readDocument(source, 'v3', true, true, false) : readDocument(source, 'v2', false, true, false);
}

function readDocument(original: SourceText, version: GoYamlVersion, kustomizeResource: boolean, checkCharacters: boolean, plainFirst = true): JsonValue {
  const control = checkCharacters ? CONTROL_CHARACTER.exec(original.text) : null;
  if (control !== null) {
    const code = control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    // libyaml's reader names no line for it.
    throw goYamlError(original, control.index, undefined, 'control characters are not allowed', `found U+${code}`);
  }
  // Most documents are plain data, which the fast reader turns into JSON without the `yaml` package.
  const plain = plainFirst ? readPlainDocument(original.text, version, kustomizeResource) : NOT_PLAIN;
  if (plain !== NOT_PLAIN) return plain;
  let source = original;
  let document = firstDocument(source);
  // libyaml accepts quoted scalars whose continuation lines are not indented; indent them and retry.
  for (let attempt = 0; attempt < MAX_QUOTED_SCALAR_REPAIRS; attempt++) {
    const cut = cutQuotedScalar(source.text, document);
    if (cut === undefined) break;
    const text = indentQuotedContinuations(source.text, cut.start, cut.end);
    if (text === source.text) break;
    source = { ...source, text };
    document = firstDocument(source);
  }
  if (document === undefined) {
    // A directive kustomize's split cut off from its `---` leaves libyaml expecting a document.
    const directive = /^%/m.exec(source.text);
    if (directive !== null) throw syntaxError(source, directive.index, 'did not find expected <document start>');
    return null;
  }
  const problem = document.errors.find(isSyntaxProblem);
  if (problem !== undefined) {
    if (problem.code === 'RESOURCE_EXHAUSTION') throw limitError(source);
    const libyaml = libyamlMessage(problem, source.text);
    if (libyaml === undefined) throw syntaxError(source, problem.pos[0], problem.message);
    throw goYamlError(source, problem.pos[0], libyamlLine(libyaml, source.text, problem.pos[0], version), libyaml, problem.message);
  }
  if (document.contents === null) return null;
  try {
    const converter = new DocumentConverter(source, version);
    converter.bindAliases(document.contents);
    return converter.convert(document.contents, kustomizeResource);
  } catch (error) {
    throw asLimitError(error, source) ?? error;
  }
}

/** A `yaml` package error libyaml would also report (escapes are checked by our own decoder). */
function isSyntaxProblem(error: YAMLError): boolean {
  return error.code !== 'BAD_DQ_ESCAPE';
}

/** The first document of the text (go-yaml decodes only the first of what it is given). */
function firstDocument(source: SourceText): Document.Parsed | undefined {
  let composed: Composed;
  try {
    composed = composeDocuments(source.text, {
      schema: 'failsafe',
      resolveKnownTags: false,
      merge: false,
      uniqueKeys: false,
      keepSourceTokens: true,
      prettyErrors: false,
      logLevel: 'silent',
    });
  } catch (error) {
    throw asLimitError(error, source) ?? error;
  }
  if ('tooDeepAt' in composed) throw nestingError(source, composed.tooDeepAt);
  return composed.documents[0];
}

/**
 * The first quoted scalar of a document with errors that the `yaml` package ended before libyaml
 * would (at a line indented less than YAML 1.2 allows), with the span libyaml reads. Only a scalar
 * starting before the first error counts: what follows it is the parser's confusion.
 */
function cutQuotedScalar(text: string, document: Document.Parsed | undefined): { start: number; end: number } | undefined {
  const errors = document?.errors.filter(isSyntaxProblem) ?? [];
  if (document === undefined || errors.length === 0 || document.contents === null) return undefined;
  const firstError = Math.min(...errors.map((error) => error.pos[0]));
  let first: { start: number; end: number } | undefined;
  const pending: MaybeNode[] = [document.contents];
  while (pending.length > 0) {
    const node = pending.pop();
    if (isScalar(node) && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') && node.range) {
      const [start, end] = node.range;
      const closing = quotedScalarEnd(text, start);
      const cut = closing !== -1 && closing + 1 !== end && text.slice(start, closing).includes('\n');
      if (cut && start <= firstError && (first === undefined || start < first.start)) first = { start, end: closing };
    } else if (isMap(node)) {
      for (const pair of node.items) pending.push(pair.key as MaybeNode, pair.value as MaybeNode);
    } else if (isSeq(node)) {
      pending.push(...(node.items as MaybeNode[]));
    }
  }
  return first;
}

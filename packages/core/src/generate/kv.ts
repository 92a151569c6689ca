/**
 * Key/value pairs from a generator's sources (kustomize's api/kv): env files, then literals, then files.
 */
import { KustomizeError } from '../errors.js';
import type { GeneratorArgs } from './types.js';

/**
 * Reads a file a generator names, with the path exactly as written in the kustomization. The caller
 * resolves it against the kustomization directory, applies the load restrictor and reads through its
 * FileSystem; it throws a KustomizeError when the file cannot be read, including for a directory, which
 * kustomize v5.5.0 refuses (`'<path>' must resolve to a file`). Generators add kustomize's context to the message.
 */
export type LoadFile = (path: string) => Uint8Array;

/** One generated key and the bytes of its value. */
export interface KeyValue {
  readonly key: string;
  readonly value: Uint8Array;
}

const encoder = new TextEncoder();
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lenientUtf8 = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

/** `bytes` as text when they are valid UTF-8, else `undefined`. A byte-order mark is kept. */
export function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return undefined;
  }
}

/** A Go `[]string` as `%v` prints it in kustomize's messages: `[a b c]`. */
function goList(items: readonly string[]): string {
  return `[${items.join(' ')}]`;
}

/** Parses a literal source `key=value`; quotes around the whole value (`"…"` or `'…'`) are removed. */
export function parseLiteralSource(source: string): KeyValue {
  const equals = source.indexOf('=');
  if (equals <= 0) {
    throw new KustomizeError('invalid-kustomization', `invalid literal source ${source}, expected key=value`, {}, 'write each literal as key=value');
  }
  return { key: source.slice(0, equals), value: encoder.encode(removeQuotes(source.slice(equals + 1))) };
}

function removeQuotes(text: string): string {
  if (text.length < 2 || text[0] !== text[text.length - 1]) return text;
  return text[0] === '"' || text[0] === "'" ? text.slice(1, -1) : text;
}

/** The last element of a slash-separated path, as Go's `path.Base` gives it (`a/b/` → `b`, `` → `.`). */
function goPathBase(path: string): string {
  if (path === '') return '.';
  const trimmed = path.replace(/\/+$/, '');
  if (trimmed === '') return '/';
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

/** Parses a file source: `path` (the key is the file's base name) or `key=path`. */
export function parseFileSource(source: string): { readonly key: string; readonly path: string } {
  const separators = source.split('=').length - 1;
  const fail = (message: string): never => {
    throw new KustomizeError('invalid-kustomization', message, {}, 'write each file source as path or key=path');
  };
  if (separators === 0) return { key: goPathBase(source), path: source };
  if (separators > 1) return fail(`source ${JSON.stringify(source)} key name or file path contains '='`);
  if (source.startsWith('=')) return fail(`missing key name for file path ${JSON.stringify(source.slice(1))} in source ${JSON.stringify(source)}`);
  if (source.endsWith('=')) return fail(`missing file path for key name ${JSON.stringify(source.slice(0, -1))} in source ${JSON.stringify(source)}`);
  const [key = '', path = ''] = source.split('=');
  return { key, path };
}

/** Go's bufio.Scanner gives up on a line longer than this; kustomize ignores the error and keeps what it read. */
const maxLineBytes = 64 * 1024 - 1;
/** What Go's `unicode.IsSpace` accepts. */
const leadingSpace = /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/;

/**
 * The pairs of an env file, as kustomize reads them: one `KEY=value` per line, split at the first `=`;
 * a trailing CR is dropped; leading white space is trimmed from the line but nothing else is;
 * blank lines and lines starting with `#` are skipped; a line without `=` gives an empty value (the
 * environment is never read); a line with an empty key is skipped; a UTF-8 byte-order mark is removed from
 * the first line only. Reading stops, silently, at a line longer than 65535 bytes, as kustomize's does.
 */
export function parseEnvFile(content: Uint8Array, file: string): KeyValue[] {
  const pairs: KeyValue[] = [];
  let firstLine = true;
  let start = 0;
  while (start < content.length) {
    const newline = content.indexOf(0x0a, start);
    const end = newline < 0 ? content.length : newline;
    if (end - start > maxLineBytes) break;
    const line = content.subarray(start, end > start && content[end - 1] === 0x0d ? end - 1 : end);
    start = end + 1;
    const text = decodeUtf8(line);
    if (text === undefined) {
      throw new KustomizeError('invalid-resource', `line [${line.join(' ')}] has invalid utf8 bytes : ${lenientUtf8.decode(line)}`, { file }, 'env files must be UTF-8 text; put binary content in `files`');
    }
    const trimmed = (firstLine ? text.replace(/^\uFEFF/, '') : text).replace(leadingSpace, '');
    firstLine = false;
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const equals = trimmed.indexOf('=');
    const key = equals < 0 ? trimmed : trimmed.slice(0, equals);
    if (key === '') continue;
    pairs.push({ key, value: encoder.encode(equals < 0 ? '' : trimmed.slice(equals + 1)) });
  }
  return pairs;
}

/** `error` with kustomize's context prefix; anything but a KustomizeError becomes one. */
function prefixed(prefix: string, error: unknown): KustomizeError {
  if (error instanceof KustomizeError) {
    return new KustomizeError(error.code, `${prefix}: ${error.message}`, error.location, error.hint, { cause: error });
  }
  return new KustomizeError('file-not-found', `${prefix}: ${error instanceof Error ? error.message : String(error)}`, {}, undefined, { cause: error });
}

function withPrefix<T>(prefix: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    throw prefixed(prefix, error);
  }
}

/**
 * Every pair a generator's sources give, in kustomize's order (env files, then literals, then files),
 * with kustomize's error messages (`loading KV pairs: …`). Keys are not checked here.
 */
export function loadKeyValues(args: GeneratorArgs, loadFile: LoadFile): KeyValue[] {
  const envSources = [...(args.envs ?? []), ...(args.env ? [args.env] : [])];
  const literals = args.literals ?? [];
  const files = args.files ?? [];
  return withPrefix('loading KV pairs', () => [
    ...withPrefix(`env source files: ${goList(envSources)}`, () => envSources.flatMap((path) => parseEnvFile(loadFile(path), path))),
    ...withPrefix(`literal sources ${goList(literals)}`, () => literals.map(parseLiteralSource)),
    ...withPrefix(`file sources: ${goList(files)}`, () =>
      files.map((source) => {
        const { key, path } = parseFileSource(source);
        return { key, value: loadFile(path) };
      }),
    ),
  ]);
}

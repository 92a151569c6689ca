import { KustomizeError } from '../errors.js';
import type { WarningSink } from '../pipeline/diagnostics.js';
import { callHook, type BuildHooks } from '../pipeline/hooks.js';
import { isRemoteFile, refuseRemote } from '../pipeline/remote.js';
import type { OpenApiState } from '../pipeline/openapi.js';
import type { FileSystem } from '../fs/filesystem.js';
import { isWithin, relative, resolve } from '../fs/path.js';
import { asInvalidKustomization, findKustomizationFile, parseKustomization } from '../kustomization/load.js';
import type { Kustomization } from '../kustomization/types.js';
import type { VersionBehaviour } from '../versions.js';

/** Which files a kustomization may read: only those in or below its own directory, or any. */
export type LoadRestrictor = 'rootOnly' | 'none';

/** Hard limits that keep a hostile tree from exhausting the machine. */
export interface LoadLimits {
  /** Deepest chain of kustomizations (a base of a base of …). */
  readonly maxDepth: number;
  /** Most files read in one build. */
  readonly maxFiles: number;
  /** Largest file read, in bytes. */
  readonly maxFileBytes: number;
}

/** The defaults of {@link LoadLimits}. */
export const defaultLoadLimits: LoadLimits = { maxDepth: 100, maxFiles: 100_000, maxFileBytes: 64 * 1024 * 1024 };

/** What every loader of one build shares. */
export interface LoadSession {
  readonly fs: FileSystem;
  readonly restrictor: LoadRestrictor;
  readonly limits: LoadLimits;
  /** The directory the build started in: paths in messages are relative to it. */
  readonly buildRoot: string;
  filesRead: number;
  /** What the caller lets the build ask for: remote trees, rendered charts. */
  readonly hooks: BuildHooks;
  /** The strategic-merge schema in force: kustomize's is global, chosen by the first kustomization that names one. */
  openApi: OpenApiState;
  /** What the kustomize release the build matches does differently. */
  readonly behaviour: VersionBehaviour;
  /** The build's warnings so far, in the order kubectl prints them; shared by every loader, remote ones included. */
  readonly warnings: WarningSink;
}

/**
 * Reads files for one kustomization directory, enforcing the load restrictor, and opens loaders for the
 * directories it refers to, refusing cycles, as kustomize's file loader does.
 */
export class Loader {
  readonly session: LoadSession;
  /** The kustomization directory, absolute. */
  readonly root: string;
  private readonly realRoot: string;
  private readonly parent: Loader | undefined;
  readonly depth: number;

  constructor(session: LoadSession, root: string, parent?: Loader) {
    this.session = session;
    this.root = root;
    this.realRoot = session.fs.realPath(root);
    this.parent = parent;
    this.depth = parent ? parent.depth + 1 : 0;
  }

  /** `path` as shown in messages: relative to the build root when below it. */
  display(path: string): string {
    const rel = relative(this.session.buildRoot, path);
    return rel.startsWith('..') ? path : rel;
  }

  /** The absolute path of `path`, relative to this kustomization's directory. */
  resolve(path: string): string {
    return resolve(this.root, path);
  }

  /** The bytes of the file at `path` (relative to this directory), after the load restrictor allows it. */
  readBytes(path: string): Uint8Array {
    if (isRemoteFile(path)) return this.readRemote(path);
    const absolute = this.resolve(path);
    const { fs } = this.session;
    const kind = fs.kind(absolute);
    if (kind === undefined) {
      throw new KustomizeError('file-not-found', `file '${this.display(absolute)}' does not exist (no such file or directory)`, { file: this.display(absolute) }, 'check the path; it is taken relative to the kustomization directory');
    }
    if (kind !== 'file') {
      throw new KustomizeError('file-not-found', `'${this.display(absolute)}' must resolve to a file`, { file: this.display(absolute) });
    }
    this.checkRestriction(absolute);
    this.countFile(this.display(absolute));
    // Refuse an oversized file before reading it where the file system can tell its size.
    const knownSize = fs.size?.(absolute);
    if (knownSize !== undefined) this.checkSize(absolute, knownSize);
    const bytes = fs.readFile(absolute);
    this.checkSize(absolute, bytes.byteLength);
    return bytes;
  }

  /** An http(s) address where a file is read: through the caller's hook, or refused, as a build never uses the network itself. */
  private readRemote(url: string): Uint8Array {
    const read = this.session.hooks.readRemoteFile;
    if (!read) refuseRemote(url, this);
    this.countFile(url);
    const content = callHook('readRemoteFile', { file: url }, () => read(url), (result): result is string | Uint8Array => typeof result === 'string' || result instanceof Uint8Array, 'a string or a Uint8Array');
    const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
    this.checkSize(url, bytes.byteLength);
    return bytes;
  }

  private countFile(display: string): void {
    this.session.filesRead += 1;
    const { maxFiles } = this.session.limits;
    if (this.session.filesRead > maxFiles) {
      throw new KustomizeError('limit-exceeded', `the build read more than ${maxFiles} files`, { file: display }, 'raise limits.maxFiles if the tree really is this large');
    }
  }

  /** The file at `path` as UTF-8 text (a byte-order mark dropped); other bytes are an error, as go-yaml's reader makes them. */
  readText(path: string): string {
    return decodeUtf8(this.readBytes(path), this.display(this.resolve(path)));
  }

  /** {@link readText} for a file of resources or patches, whose reading errors kustomize calls MalformedYAMLError. */
  readResourceText(path: string): string {
    try {
      return this.readText(path);
    } catch (error) {
      if (!(error instanceof KustomizeError) || error.code !== 'yaml-syntax') throw error;
      throw new KustomizeError(error.code, `MalformedYAMLError: ${error.message} in File: ${this.display(this.resolve(path))}`, error.location, error.hint);
    }
  }

  /** This directory's kustomization, read as any other file: through the load restrictor and within the limits. */
  kustomization(): Kustomization {
    const file = findKustomizationFile(this.session.fs, this.root);
    const display = this.display(file);
    const text = asInvalidKustomization(() => this.readText(file));
    return parseKustomization(text, file, this.root, (warning) => this.session.warnings.push({ ...warning, location: { ...warning.location, file: display } }), this.session.behaviour);
  }

  /** True when `path` names a file (whatever the restrictor would say). */
  isFile(path: string): boolean {
    return this.session.fs.kind(this.resolve(path)) === 'file';
  }

  /**
   * A loader for the kustomization directory at `path`: it must be a relative path to a directory that is
   * not this directory nor any directory above one already being loaded (a cycle).
   */
  child(path: string): Loader {
    if (path === '') throw new KustomizeError('invalid-kustomization', 'new root cannot be empty', { file: this.display(this.root) });
    if (path.startsWith('/')) {
      throw new KustomizeError('invalid-kustomization', `new root '${path}' cannot be absolute`, { file: this.display(this.root) }, 'refer to bases and components by relative paths');
    }
    const absolute = this.resolve(path);
    if (this.session.fs.kind(absolute) !== 'directory') {
      throw new KustomizeError('file-not-found', `must build at directory: '${this.display(absolute)}': file is not directory`, { file: this.display(absolute) });
    }
    const real = this.session.fs.realPath(absolute);
    for (let loader: Loader | undefined = this; loader; loader = loader.parent) {
      if (isWithin(real, loader.realRoot)) {
        throw new KustomizeError('cycle', `cycle detected: candidate root '${this.display(absolute)}' contains visited root '${this.display(loader.root)}'`, { file: this.display(absolute) }, 'a kustomization may not include itself or a directory above it');
      }
    }
    if (this.depth + 1 > this.session.limits.maxDepth) {
      throw new KustomizeError('limit-exceeded', `kustomizations nest deeper than ${this.session.limits.maxDepth} levels`, { file: this.display(absolute) });
    }
    return new Loader(this.session, absolute, this);
  }

  private checkSize(absolute: string, size: number): void {
    const { maxFileBytes } = this.session.limits;
    if (size <= maxFileBytes) return;
    throw new KustomizeError('limit-exceeded', `file is ${size} bytes, more than the limit of ${maxFileBytes}`, { file: isRemoteFile(absolute) ? absolute : this.display(absolute) }, 'raise limits.maxFileBytes if the file really is this large');
  }

  private checkRestriction(absolute: string): void {
    if (this.session.restrictor === 'none') return;
    const real = this.session.fs.realPath(absolute);
    if (!isWithin(this.realRoot, real)) {
      const link = real === absolute ? '' : ` (a symbolic link to '${real}')`;
      throw new KustomizeError(
        'load-restricted',
        `security; file '${this.display(absolute)}'${link} is not in or below '${this.display(this.root)}'`,
        { file: this.display(absolute) },
        'move the file under the kustomization directory, make it a resource of a base there, or build with --load-restrictor LoadRestrictionsNone',
      );
    }
  }
}


const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * `bytes` as UTF-8 text, a byte-order mark dropped; invalid UTF-8 is a `yaml-syntax` error in libyaml's words
 * (`yaml: invalid leading UTF-8 octet`), the line and byte in the hint.
 */
export function decodeUtf8(bytes: Uint8Array, file: string): string {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    const offset = firstInvalidUtf8(bytes);
    const line = bytes.subarray(0, offset).reduce((count, byte) => (byte === 0x0a ? count + 1 : count), 1);
    throw new KustomizeError(
      'yaml-syntax',
      `yaml: ${libyamlUtf8Problem(bytes, offset)}`,
      { file },
      `line ${line}: invalid UTF-8 (byte 0x${bytes[offset]!.toString(16).padStart(2, '0')} at offset ${offset}); save the file as UTF-8, binary data belongs in a generator file source, which becomes binaryData`,
    );
  }
}

/** What libyaml's reader says of the sequence at `offset`, the first that is not well-formed UTF-8. */
function libyamlUtf8Problem(bytes: Uint8Array, offset: number): string {
  const lead = bytes[offset]!;
  const width = (lead & 0x80) === 0 ? 1 : (lead & 0xe0) === 0xc0 ? 2 : (lead & 0xf0) === 0xe0 ? 3 : (lead & 0xf8) === 0xf0 ? 4 : 0;
  if (width === 0) return 'invalid leading UTF-8 octet';
  if (offset + width > bytes.length) return 'incomplete UTF-8 octet sequence';
  let value = width === 1 ? lead : width === 2 ? lead & 0x1f : width === 3 ? lead & 0x0f : lead & 0x07;
  for (let k = 1; k < width; k++) {
    const next = bytes[offset + k]!;
    if ((next & 0xc0) !== 0x80) return 'invalid trailing UTF-8 octet';
    value = (value << 6) | (next & 0x3f);
  }
  if (!(width === 1 || (width === 2 && value >= 0x80) || (width === 3 && value >= 0x800) || (width === 4 && value >= 0x10000))) return 'invalid length of a UTF-8 sequence';
  return 'invalid Unicode character';
}


/** The offset of the first byte that does not begin a well-formed UTF-8 sequence (RFC 3629). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i]!;
    const length = lead < 0x80 ? 1 : lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    if (length === 0) return i;
    for (let k = 1; k < length; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    // Overlong forms, surrogates and code points above U+10FFFF show in the second byte.
    const second = bytes[i + 1] ?? 0;
    if ((lead === 0xe0 && second < 0xa0) || (lead === 0xed && second > 0x9f) || (lead === 0xf0 && second < 0x90) || (lead === 0xf4 && second > 0x8f)) return i;
    i += length;
  }
  return Math.max(0, bytes.length - 1);
}

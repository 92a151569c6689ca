import { KustomizeError } from '../errors.js';
import type { BuildHooks } from '../build/hooks.js';
import type { OpenApiState } from '../build/openapi.js';
import type { FileSystem } from '../fs/filesystem.js';
import { isWithin, relative, resolve } from '../fs/path.js';

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
    const absolute = this.resolve(path);
    const { fs, limits } = this.session;
    const kind = fs.kind(absolute);
    if (kind === undefined) {
      throw new KustomizeError('file-not-found', `file '${this.display(absolute)}' does not exist (no such file or directory)`, { file: this.display(absolute) }, 'check the path; it is taken relative to the kustomization directory');
    }
    if (kind !== 'file') {
      throw new KustomizeError('file-not-found', `'${this.display(absolute)}' must resolve to a file`, { file: this.display(absolute) });
    }
    this.checkRestriction(absolute);
    this.session.filesRead += 1;
    if (this.session.filesRead > limits.maxFiles) {
      throw new KustomizeError('limit-exceeded', `the build read more than ${limits.maxFiles} files`, { file: this.display(absolute) }, 'raise limits.maxFiles if the tree really is this large');
    }
    const bytes = fs.readFile(absolute);
    if (bytes.byteLength > limits.maxFileBytes) {
      throw new KustomizeError('limit-exceeded', `file is ${bytes.byteLength} bytes, more than the limit of ${limits.maxFileBytes}`, { file: this.display(absolute) }, 'raise limits.maxFileBytes if the file really is this large');
    }
    return bytes;
  }

  /** The file at `path` as text. */
  readText(path: string): string {
    return new TextDecoder('utf-8').decode(this.readBytes(path));
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

  private checkRestriction(absolute: string): void {
    if (this.session.restrictor === 'none') return;
    const real = this.session.fs.realPath(absolute);
    if (!isWithin(this.realRoot, real)) {
      throw new KustomizeError(
        'load-restricted',
        `security; file '${this.display(absolute)}' is not in or below '${this.display(this.root)}'`,
        { file: this.display(absolute) },
        'move the file under the kustomization directory, make it a resource of a base there, or build with --load-restrictor LoadRestrictionsNone',
      );
    }
  }
}


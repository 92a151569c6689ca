import { KustomizeError } from '../errors.js';
import type { Loader } from '../accumulate/loader.js';
import { parseRepoSpec } from './repospec.js';

/** True when `path` is a git address as kustomize reads one ({@link parseRepoSpec}) or an http(s) address. */
export function isRemoteReference(path: string): boolean {
  return isRemoteFile(path) || !('error' in parseRepoSpec(path));
}

/** True when `path` is an http(s) address, which kustomize's loader fetches wherever it reads a file (Go's `url.Parse` scheme test). */
export function isRemoteFile(path: string): boolean {
  return /^https?:\/\//i.test(path);
}

/** Refuses a remote resource or file: builds never touch the network by themselves. */
export function refuseRemote(path: string, loader: Loader, field?: string): never {
  throw new KustomizeError(
    'unsupported',
    `remote ${field === undefined ? 'file' : `${field} entry`} '${path}' needs the network, which kustomize-ts never uses by itself`,
    { file: loader.display(loader.root), ...(field !== undefined && { field }) },
    `vendor the remote ${field === undefined ? 'file' : 'tree'} into the repository and refer to it by a relative path, or pass ${field === undefined ? 'a readRemoteFile' : 'a resolveRemote'} hook to build()`,
  );
}

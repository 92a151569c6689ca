import { KustomizeError } from '../errors.js';
import type { Loader } from '../accumulate/loader.js';

const remotePattern = /^(https?:\/\/|git::|git@|ssh:\/\/|github\.com\/|gitlab\.com\/|bitbucket\.org\/)/;

/** Longest text tried as an address: the host pattern backtracks quadratically in the length of a hostile entry. */
const MAX_ADDRESS_LENGTH = 4096;

/** True when `path` looks like a git or HTTP address rather than a local path. */
export function isRemoteReference(path: string): boolean {
  return remotePattern.test(path) || (path.length <= MAX_ADDRESS_LENGTH && /^[a-z0-9.-]+\.[a-z]{2,}\/[^/]+\/[^/]+.*(\?ref=|\/\/)/i.test(path));
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

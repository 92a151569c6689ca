import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KustomizeError } from '../errors.js';
import type { RemoteTree } from '../pipeline/hooks.js';
import { isRemoteFile } from '../pipeline/remote.js';
import { cloneAddress, parseRepoSpec, type RepoSpec } from '../pipeline/repospec.js';
import { NodeFileSystem } from './node.js';

/**
 * Remote resources and files as kustomize fetches them, for Node: git repositories cloned with the system's
 * `git` into temporary directories (each repository and ref once, all removed by `dispose` or at the latest
 * when the process exits), and http(s) addresses fetched over HTTP(S). Build hooks are synchronous, so
 * the HTTP request runs in a child Node process that the build waits for.
 */

/** How remote resources are fetched. */
export interface RemoteOptions {
  /** The git program (default `git`, found on the PATH). */
  readonly git?: string;
  /** How long an HTTP request may take, in milliseconds (default 60 s). */
  readonly httpTimeoutMs?: number;
}

/** The remote hooks of a build, and the clean-up of what they cloned. */
export interface RemoteFetcher {
  readonly resolveRemote: (address: string) => RemoteTree;
  readonly readRemoteFile: (url: string) => Uint8Array;
  /** Removes every clone made so far. */
  readonly dispose: () => void;
}

/** Clone directories still on disk, removed when the process exits if no one disposed of them. */
const liveClones = new Set<string>();
let exitHandlerInstalled = false;

function removeClone(directory: string): void {
  rmSync(directory, { recursive: true, force: true });
  liveClones.delete(directory);
}

/** Hooks that fetch remote resources and files; one fetcher per build clones each repository and ref once. */
export function remoteFetcher(options: RemoteOptions = {}): RemoteFetcher {
  const git = options.git ?? 'git';
  const httpTimeoutMs = options.httpTimeoutMs ?? 60_000;
  const clones = new Map<string, string>();
  const fs = new NodeFileSystem();

  const clone = (spec: RepoSpec): string => {
    const key = JSON.stringify([cloneAddress(spec), spec.ref, spec.submodules]);
    const known = clones.get(key);
    if (known !== undefined) return known;
    const directory = cloneRepository(git, spec);
    clones.set(key, directory);
    return directory;
  };

  const resolveRemote = (address: string): RemoteTree => {
    const spec = parseRepoSpec(address);
    if (isRemoteFile(address)) {
      // kustomize reads an http(s) entry as a file first, and clones it when that fails and it is a git address.
      const response = httpGet(address, httpTimeoutMs);
      const page = response.status >= 200 && response.status <= 299 && !(/^text\/html\b/i.test(response.contentType) && !('error' in spec));
      if (page) return { files: { resource: response.body }, path: 'resource' };
      if ('error' in spec) throw httpStatusError(address, response);
    }
    if ('error' in spec) throw new KustomizeError('remote-failed', `'${address}' is not a git address: ${spec.error}`);
    return { fs, path: join(clone(spec), spec.rootPath) };
  };

  const readRemoteFile = (url: string): Uint8Array => {
    const response = httpGet(url, httpTimeoutMs);
    if (response.status < 200 || response.status > 299) {
      if (!('error' in parseRepoSpec(url))) throw new KustomizeError('remote-failed', `fetching '${url}': status code ${response.status} (${response.statusText}); URL is a git repository`);
      throw httpStatusError(url, response);
    }
    return response.body;
  };

  const dispose = () => {
    for (const directory of clones.values()) removeClone(directory);
    clones.clear();
  };
  return { resolveRemote, readRemoteFile, dispose };
}

/**
 * Clones `spec` as kustomize's `ClonerUsingGitExec` does (init, remote add, a shallow fetch of the ref,
 * checkout, submodules), each git command limited to the spec's timeout. Returns the clone's directory.
 */
function cloneRepository(git: string, spec: RepoSpec): string {
  const directory = mkdtempSync(join(tmpdir(), 'kustomize-ts-git-'));
  liveClones.add(directory);
  if (!exitHandlerInstalled) {
    exitHandlerInstalled = true;
    process.once('exit', () => [...liveClones].forEach(removeClone));
  }
  const address = cloneAddress(spec);
  const ref = spec.ref || 'HEAD';
  try {
    runGit(git, directory, spec, ['init', '--quiet']);
    runGit(git, directory, spec, ['remote', 'add', 'origin', address]);
    runGit(git, directory, spec, ['fetch', '--depth=1', address, ref]);
    runGit(git, directory, spec, ['checkout', '--quiet', 'FETCH_HEAD']);
    if (spec.submodules) runGit(git, directory, spec, ['submodule', 'update', '--init', '--recursive']);
  } catch (error) {
    removeClone(directory);
    throw error;
  }
  return directory;
}

function runGit(git: string, directory: string, spec: RepoSpec, args: readonly string[]): void {
  const result = spawnSync(git, args, {
    cwd: directory,
    encoding: 'utf8',
    timeout: spec.timeoutMs,
    // Never wait for a password or a host-key answer on the terminal: fail instead.
    env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_SSH_COMMAND: process.env['GIT_SSH_COMMAND'] ?? 'ssh -o BatchMode=yes' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const where = `'${spec.raw}'`;
  const code = (result.error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') {
    throw new KustomizeError('remote-failed', `no '${git}' program on path: the remote resource ${where} needs git to be cloned`, {}, 'install git, or vendor the remote tree and refer to it by a relative path');
  }
  if (code === 'ETIMEDOUT') {
    throw new KustomizeError('remote-failed', `git ${args[0]} of ${where} timed out after ${spec.timeoutMs / 1000}s`, {}, 'add ?timeout=SECONDS to the address to wait longer');
  }
  if (result.error) throw new KustomizeError('remote-failed', `running git for ${where}: ${result.error.message}`);
  if (result.status === 0) return;
  const output = `${result.stderr}\n${result.stdout}`;
  const lines = output.split('\n').map((line) => line.trim()).filter((line) => line !== '' && !/^hint:/.test(line));
  const lastLine = lines.find((line) => /^(fatal|error):/.test(line)) ?? lines.at(-1) ?? `exit status ${result.status}`;
  if (/couldn't find remote ref|not our ref|unadvertised object/i.test(output)) {
    throw new KustomizeError('remote-failed', `cloning ${where}: the repository ${cloneAddress(spec)} has no ref '${spec.ref || 'HEAD'}'`, {}, 'check ?ref= (a branch, tag or commit)');
  }
  if (/could not resolve host|temporary failure in name resolution|network is unreachable/i.test(output)) {
    throw new KustomizeError('remote-failed', `cloning ${where}: no network (${lastLine})`);
  }
  throw new KustomizeError('remote-failed', `cloning ${where} failed: git ${args.join(' ')}: ${lastLine}`);
}

interface HttpResponse {
  readonly status: number;
  readonly statusText: string;
  readonly contentType: string;
  readonly body: Uint8Array;
}

/** The child process that fetches one address: prints a JSON line with the answer or the failure. */
const fetchScript = `
const [url, timeout] = process.argv.slice(1);
fetch(url, { signal: AbortSignal.timeout(Number(timeout)) }).then(async (response) => {
  const body = Buffer.from(await response.arrayBuffer()).toString('base64');
  process.stdout.write(JSON.stringify({ status: response.status, statusText: response.statusText, contentType: response.headers.get('content-type') ?? '', body }));
}, (error) => {
  const cause = error && error.cause;
  process.stdout.write(JSON.stringify({ error: error.name === 'TimeoutError' ? 'timeout' : (cause && cause.code) || '', message: String((cause && cause.message) || error.message) }));
});
`;

/** An HTTP(S) GET, waited for: redirects followed, failures turned into one-line errors. */
function httpGet(url: string, timeoutMs: number): HttpResponse {
  const result = spawnSync(process.execPath, ['-e', fetchScript, url, String(timeoutMs)], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, timeout: timeoutMs + 10_000 });
  let answer: { status?: number; statusText?: string; contentType?: string; body?: string; error?: string; message?: string };
  try {
    answer = JSON.parse(result.stdout) as typeof answer;
  } catch {
    throw new KustomizeError('remote-failed', `fetching '${url}' failed: ${result.error?.message ?? (result.stderr.trim().split('\n').at(-1) || 'no answer')}`);
  }
  if (answer.error !== undefined) {
    const reason =
      answer.error === 'timeout'
        ? `timed out after ${timeoutMs / 1000}s`
        : answer.error === 'ENOTFOUND' || answer.error === 'EAI_AGAIN'
          ? `no network: cannot resolve the host (${answer.message})`
          : answer.error === 'ECONNREFUSED'
            ? `connection refused (${answer.message})`
            : answer.message;
    throw new KustomizeError('remote-failed', `fetching '${url}': ${reason}`);
  }
  return { status: answer.status ?? 0, statusText: answer.statusText ?? '', contentType: answer.contentType ?? '', body: new Uint8Array(Buffer.from(answer.body ?? '', 'base64')) };
}

/** kustomize's error for an HTTP answer outside 2xx. */
function httpStatusError(url: string, response: HttpResponse): KustomizeError {
  return new KustomizeError('remote-failed', `fetching '${url}': HTTP Error: status code ${response.status} (${response.statusText})`);
}

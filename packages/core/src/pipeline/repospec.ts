/**
 * Git addresses as kustomize's `NewRepoSpecFromURL` (api/internal/git, v5.8.1) reads them: an optional
 * `git::` prefix, a scheme (`https://`, `http://`, `ssh://`, `file://`) or the scp form (`user@host:path`,
 * `github.com:org/repo`), the repository path, the kustomization's path inside it (after `//`, `.git`, the
 * segment after `_git/`, or else the first two segments), and the `ref`/`version`, `timeout` and
 * `submodules` query options. A string that is not such an address is refused with kustomize's reason,
 * which is how kustomize tells a git address from a local path.
 */

/** A git repository, the ref to check out, and the kustomization's directory in it. */
export interface RepoSpec {
  /** The address as written. */
  readonly raw: string;
  /** Scheme, user and host, e.g. `https://github.com/`, `git@github.com:`, `file://`. */
  readonly host: string;
  /** e.g. `kubernetes-sigs/kustomize`, or an absolute path for `file://`. */
  readonly repoPath: string;
  /** The kustomization's directory, relative to the repository's root (`''` for the root). */
  readonly rootPath: string;
  /** Branch, tag or commit; `''` for the remote's HEAD. */
  readonly ref: string;
  /** How long each git command may run, in milliseconds (27 s unless `?timeout=`). */
  readonly timeoutMs: number;
  /** Whether submodules are cloned too (`?submodules=`, default true). */
  readonly submodules: boolean;
}

/** What `git fetch` is given: host and repository path. */
export function cloneAddress(spec: RepoSpec): string {
  return spec.host + spec.repoPath;
}

const defaultTimeoutMs = 27_000;
const schemes = ['ssh://', 'https://', 'http://', 'file://'] as const;

/** The spec of `address`, or kustomize's reason why it is not a git address. */
export function parseRepoSpec(address: string): RepoSpec | { readonly error: string } {
  if (address.startsWith('/')) return { error: `uri looks like abs path: ${address}` };
  const queryAt = address.indexOf('?');
  const beforeQuery = queryAt < 0 ? address : address.slice(0, queryAt);
  const options = parseQuery(queryAt < 0 ? '' : address.slice(queryAt + 1));
  const host = extractHost(beforeQuery);
  if ('error' in host) return host;
  const parts = splitPath(host.rest, host.host.startsWith('file://'));
  if ('error' in parts) return parts;
  return { raw: address, host: host.host, ...parts, ...options };
}

/** The scheme, user and host of an address, and the rest (repository and kustomization path). */
function extractHost(address: string): { host: string; rest: string } | { error: string } {
  let rest = trimPrefixIgnoringCase(address, 'git::') ?? address;
  let scheme = '';
  for (const candidate of schemes) {
    const after = trimPrefixIgnoringCase(rest, candidate);
    if (after !== undefined) {
      scheme = candidate;
      rest = after;
      break;
    }
  }
  const user = /^[a-zA-Z][a-zA-Z0-9-]*@/.exec(rest)?.[0] ?? '';
  rest = rest.slice(user.length);
  const github = /^github\.com[/:]/i.test(rest);
  const scpStyle = scheme === '' && (user !== '' || github);
  if (scheme === '' && !scpStyle) return { error: 'failed to parse scheme' };
  // A file:// address names a local path: whatever follows the scheme, a "user" included, is that path.
  if (scheme === 'file://') return { host: scheme, rest: user + rest };
  let hostPart = rest;
  let path = '';
  let separator = rest.indexOf('/');
  if (scpStyle) {
    const colon = rest.indexOf(':');
    if (separator < 0 || (colon > 0 && colon < separator)) separator = colon;
  }
  if (separator >= 0) {
    hostPart = rest.slice(0, separator + 1);
    path = rest.slice(separator + 1);
  }
  // GitHub's addresses are normalised: over ssh (or with a user) to `user@github.com:`, otherwise to https.
  if (github) return { host: scheme.startsWith('ssh://') || user !== '' ? `${user}github.com:` : 'https://github.com/', rest: path };
  if (hostPart === '') return { error: 'failed to parse host segment' };
  return { host: scheme + user + hostPart, rest: path };
}

/** The repository path and the kustomization's path in it, split at kustomize's markers. */
function splitPath(path: string, isFile: boolean): { repoPath: string; rootPath: string } | { error: string } {
  let repoPath: string | undefined;
  let rootPath = '';
  const gitRoot = path.indexOf('_git/');
  const doubleSlash = path.indexOf('//');
  const gitSuffix = path.indexOf('.git');
  if (gitRoot >= 0) {
    const [repo = '', ...below] = path.slice(gitRoot + 5).split('/');
    repoPath = path.slice(0, gitRoot + 5) + repo;
    rootPath = below.join('/');
  } else if (doubleSlash >= 0) {
    repoPath = path.slice(0, doubleSlash);
    rootPath = path.slice(doubleSlash + 2);
  } else if (gitSuffix >= 0) {
    repoPath = path.slice(0, gitSuffix + 4);
    rootPath = path.slice(gitSuffix + 4);
  } else if (isFile) {
    repoPath = path;
  } else {
    const segments = path.split('/');
    if (segments.length >= 2) {
      repoPath = segments.slice(0, 2).join('/');
      rootPath = segments.slice(2).join('/');
    }
  }
  if (!repoPath) return { error: 'failed to parse repo path segment' };
  if (exitsRepository(rootPath)) return { error: `url path exits repo: ${path}` };
  return { repoPath, rootPath: rootPath.replace(/^\//, '') };
}

/** True when the cleaned path starts by going up, out of the repository. */
function exitsRepository(path: string): boolean {
  const kept: string[] = [];
  for (const segment of path.replace(/^\//, '').split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..' && kept.length > 0 && kept.at(-1) !== '..') kept.pop();
    else kept.push(segment);
  }
  return kept[0] === '..';
}

/** `ref` (or `version`), `timeout` (seconds or a Go duration) and `submodules`; a malformed query means the defaults. */
function parseQuery(query: string): { ref: string; timeoutMs: number; submodules: boolean } {
  const defaults = { ref: '', timeoutMs: defaultTimeoutMs, submodules: true };
  const values = goParseQuery(query);
  if (values === undefined) return defaults;
  const first = (key: string) => values.get(key)?.[0] ?? '';
  const ref = first('ref') || first('version');
  const timeoutText = first('timeout');
  const seconds = /^[+-]?[0-9]+$/.test(timeoutText) ? Number(timeoutText) : NaN;
  const duration = Number.isInteger(seconds) && seconds > 0 ? seconds * 1000 : goDurationMs(timeoutText);
  const submodulesText = first('submodules');
  const submodules = ['1', 't', 'T', 'TRUE', 'true', 'True'].includes(submodulesText) ? true : ['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(submodulesText) ? false : true;
  return { ref, timeoutMs: duration !== undefined && duration > 0 ? duration : defaultTimeoutMs, submodules };
}

/** Go's `url.ParseQuery`: `undefined` where Go reports an error (a `;`, or a bad `%` escape). */
function goParseQuery(query: string): Map<string, string[]> | undefined {
  const values = new Map<string, string[]>();
  for (const pair of query.split('&')) {
    if (pair === '') continue;
    if (pair.includes(';')) return undefined;
    const equals = pair.indexOf('=');
    const decode = (text: string) => {
      if (/%(?![0-9a-fA-F]{2})/.test(text)) return undefined;
      try {
        return decodeURIComponent(text.replace(/\+/g, ' '));
      } catch {
        return undefined;
      }
    };
    const key = decode(equals < 0 ? pair : pair.slice(0, equals));
    const value = decode(equals < 0 ? '' : pair.slice(equals + 1));
    if (key === undefined || value === undefined) return undefined;
    values.set(key, [...(values.get(key) ?? []), value]);
  }
  return values;
}

const durationUnitsMs: Readonly<Record<string, number>> = { ns: 1e-6, us: 1e-3, 'µs': 1e-3, 'μs': 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** A Go duration (`90s`, `1m30s`, `1.5h`) in milliseconds, or `undefined` when Go would not parse it. */
function goDurationMs(text: string): number | undefined {
  const body = text.replace(/^[+-]/, '');
  if (body === '' || !/^(([0-9]+(\.[0-9]*)?|\.[0-9]+)(ns|us|µs|μs|ms|s|m|h))+$/.test(body)) return body === '0' ? 0 : undefined;
  let total = 0;
  for (const [, number, unit] of body.matchAll(/([0-9.]+)(ns|us|µs|μs|ms|s|m|h)/g)) total += Number(number) * durationUnitsMs[unit!]!;
  return text.startsWith('-') ? -total : total;
}

function trimPrefixIgnoringCase(text: string, prefix: string): string | undefined {
  return text.slice(0, prefix.length).toLowerCase() === prefix ? text.slice(prefix.length) : undefined;
}

import { defaultKustomizeVersion, readText, type BuildHooks, type FileSystem, type KustomizeVersion } from '@kustomize-ts/core';
import { cleanPath, fluxBuild, selectKustomization } from '../build/build.js';
import { ExportError } from '../export/create.js';
import type { CommandOutput } from './create.js';
import { formatHelp } from '@kustomize-ts/flags';
import { durationFlag, Flags, FlagError, kustomizeVersionFlag, parseFlags, type FlagSpec } from './flags.js';

/** Where `flux build` runs: the file system it reads and the working directory relative paths start from. */
export interface BuildEnvironment {
  readonly fs: FileSystem;
  /** An absolute path in `fs`. */
  readonly cwd: string;
  /** Hooks that fetch remote bases, used unless `--no-remote-bases` is given (without them, remote bases are refused). */
  readonly remoteHooks?: BuildHooks;
}

const buildFlags: readonly FlagSpec[] = [
  { name: 'namespace', shorthand: 'n', kind: 'string' },
  durationFlag('timeout'),
  { name: 'verbose', kind: 'bool' },
  { name: 'path', kind: 'string' },
  { name: 'kustomization-file', kind: 'string' },
  { name: 'ignore-paths', kind: 'stringSlice' },
  { name: 'dry-run', kind: 'bool' },
  { name: 'strict-substitute', kind: 'bool' },
  { name: 'recursive', shorthand: 'r', kind: 'bool' },
  { name: 'local-sources', kind: 'stringSlice' },
  { name: 'in-memory-build', kind: 'bool' },
  { name: 'no-remote-bases', kind: 'bool' },
  kustomizeVersionFlag,
];

/** pflag's `StringToString`: `key=value` items, each split at its first `=`. */
function keyValues(items: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const item of items) {
    const equals = item.indexOf('=');
    if (equals < 0) throw new FlagError(`invalid argument ${JSON.stringify(items.join(','))} for "--local-sources" flag: ${item} must be formatted as key=value`);
    Object.defineProperty(out, item.slice(0, equals), { value: item.slice(equals + 1), enumerable: true, writable: true, configurable: true });
  }
  return out;
}

const absolute = (cwd: string, path: string) => cleanPath(path.startsWith('/') ? path : `${cwd}/${path}`);

/**
 * `flux build kustomization NAME --path DIR …` from a command line, with flux2's checks and messages.
 * There is no cluster: the Flux Kustomization comes from `--kustomization-file`, and without `--dry-run`
 * every `substituteFrom` reference must be optional.
 *
 * @throws {@link FlagError}, {@link ExportError} or `KustomizeError` carrying the message.
 */
export function runBuild(argv: readonly string[], environment: BuildEnvironment): CommandOutput {
  const [command, ...rest] = argv;
  if (command !== 'kustomization' && command !== 'ks') throw new ExportError(`unknown command ${JSON.stringify(command ?? '')} for "flux build": use "kustomization"`);
  const parsed = parseFlags(rest, buildFlags);
  if (parsed.help) {
    return { stdout: formatHelp({ path: 'flux build kustomization', description: 'Build a Flux Kustomization locally, as kustomize-controller builds it.', usage: ['NAME --path DIR --kustomization-file FILE [flags]'], flags: buildFlags }), stderr: '' };
  }
  const flags = new Flags(parsed);
  const name = parsed.positional[0];
  if (name === undefined) throw new ExportError('kustomization name is required');
  const pathFlag = flags.string('path');
  if (pathFlag === '') throw new ExportError('invalid resource path ""');
  const path = absolute(environment.cwd, pathFlag);
  if (environment.fs.kind(path) !== 'directory') throw new ExportError(`invalid resource path ${JSON.stringify(path)}`);
  const dryRun = flags.bool('dry-run');
  const kustomizationFile = flags.string('kustomization-file');
  if (dryRun && kustomizationFile === '') throw new ExportError('dry-run mode requires a kustomization file');
  if (kustomizationFile === '') throw new ExportError('kustomization file is required: there is no cluster to read the Kustomization from');
  const file = absolute(environment.cwd, kustomizationFile);
  if (environment.fs.kind(file) !== 'file') throw new ExportError(`invalid kustomization file ${JSON.stringify(kustomizationFile)}`);
  const kustomization = selectKustomization(readText(environment.fs, file), name, flags.string('namespace', 'flux-system'), kustomizationFile);
  const localSources = Object.fromEntries(Object.entries(keyValues(flags.strings('local-sources'))).map(([key, dir]) => [key, absolute(environment.cwd, dir)]));
  const result = fluxBuild({
    fs: environment.fs,
    path,
    kustomization,
    ignorePaths: flags.strings('ignore-paths'),
    dryRun,
    strictSubstitute: flags.bool('strict-substitute'),
    recursive: flags.bool('recursive'),
    localSources,
    kustomizeVersion: flags.value<KustomizeVersion>('kustomize-version', defaultKustomizeVersion),
    ...(flags.bool('in-memory-build') && { root: environment.cwd }),
    ...(!flags.bool('no-remote-bases') && environment.remoteHooks && { hooks: environment.remoteHooks }),
  });
  return { stdout: result.yaml, stderr: parsed.notices.map((notice) => `${notice}\n`).join('') };
}

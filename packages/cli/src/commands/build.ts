import { statSync, watch } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { build, createBuildCache, emitYaml, isRemoteReference, KustomizeError, type BuildCache, type BuildHooks, type BuildOptions, type JsonObject } from '@kustomize-ts/core';
import { NodeFileSystem, NodeWritableFileSystem } from '@kustomize-ts/core/node';
import { loadFlags, loadSettings, parseArgs, type CommandHelp, type FlagSpec } from '../args.js';
import { hookFlags, withCliHooks } from '../hooks.js';
import { UsageError, type CommandIO } from '../io.js';
import { kubectlWarningLines } from '../warnings.js';

/** kustomize v5.8.1's build flags, with its help texts and defaults. */
export const buildFlags: readonly FlagSpec[] = [
  { name: 'output', shorthand: 'o', kind: 'string', usage: 'If specified, write output to this path.' },
  {
    name: 'output-dir',
    kind: 'string',
    usage: 'build every DIR given (several allowed) in one process, writing each to this folder as <DIR relative to the current directory>.yaml',
  },
  { name: 'watch', kind: 'bool', usage: 'build again whenever a file under DIR changes, until interrupted (files read again, unchanged ones not parsed again)' },
  ...loadFlags.map((spec) => (spec.name === 'reorder' ? { ...spec, deprecated: "use the new 'sortOptions' field in kustomization.yaml instead." } : spec)),
  {
    name: 'enable-managedby-label',
    kind: 'bool',
    usage: 'enable adding app.kubernetes.io/managed-by',
    deprecated: 'The flag `enable-managedby-label` has been deprecated. Use the `managedByLabel` option in the `buildMetadata` field instead.',
  },
  { name: 'enable-alpha-plugins', kind: 'bool', usage: 'enable kustomize plugins' },
  ...hookFlags,
  { name: 'enable-exec', kind: 'bool', usage: 'enable support for exec functions (raw executables); do not use for untrusted configs! (Alpha)' },
  { name: 'network', kind: 'bool', usage: 'enable network access for functions that declare it' },
  { name: 'network-name', kind: 'string', defaultValue: 'bridge', usage: 'the docker network to run the container in' },
  { name: 'mount', kind: 'stringArray', usage: 'a list of storage options read from the filesystem' },
  { name: 'env', shorthand: 'e', kind: 'stringArray', usage: 'a list of environment variables to be used by functions' },
  { name: 'as-current-user', kind: 'bool', usage: 'use the uid and gid of the command executor to run the function in the container' },
  { name: 'stack-trace', kind: 'bool', usage: 'print a stack trace on error' },
];

/** `build`'s help, kustomize's words. */
export const buildHelp: CommandHelp = {
  path: 'kustomize-ts build',
  description: `Build a set of KRM resources using a 'kustomization.yaml' file.
The DIR argument must be a path to a directory containing
'kustomization.yaml', or a git repository URL with a path suffix
specifying same with respect to the repository root.
If DIR is omitted, '.' is assumed.`,
  usage: ['DIR [flags]', 'DIR... --output-dir OUT [flags]'],
  examples: `  # Build the current working directory
  kustomize-ts build

  # Build some shared configuration directory
  kustomize-ts build /home/config/production

  # Build from github
  kustomize-ts build https://github.com/kubernetes-sigs/kustomize.git/examples/helloWorld?ref=v1.0.6

  # Build every overlay in one process: rendered/overlays/prod.yaml, rendered/overlays/dev.yaml, ...
  kustomize-ts build overlays/* --output-dir rendered

  # Print the build again on every change under the directory
  kustomize-ts build --watch overlays/dev`,
  flags: buildFlags,
};

/**
 * `kustomize-ts build [DIR]`: what `kubectl kustomize [DIR]` prints, or writes with `-o`; with
 * `--output-dir`, several targets built in one process; with `--watch`, built again on every change.
 */
export function runBuild(argv: readonly string[], io: CommandIO): number | Promise<number> {
  const { positionals, flags: values, notices } = parseArgs(argv, buildFlags, buildHelp);
  for (const notice of notices) io.stderr(`${notice}\n`);
  const outputDir = values.get('output-dir') as string | undefined;
  const watch = values.get('watch') === true;
  if (outputDir !== undefined && values.get('output') !== undefined) throw new UsageError('give --output or --output-dir, not both');
  if (outputDir === undefined && positionals.length > 1) throw new UsageError('specify one path to kustomization.yaml');
  const { loadRestrictor, reorder, kustomizeVersion } = loadSettings(values);
  const settings: TargetSettings = { fs: new NodeFileSystem(), loadRestrictor, reorder, kustomizeVersion, addManagedByLabel: values.get('enable-managedby-label') === true, cache: createBuildCache() };
  const withHooks = <T>(work: (hooks: BuildHooks) => T): T => withCliHooks(values, kustomizeVersion, work);
  if (outputDir !== undefined) {
    if (watch) throw new UsageError('--watch builds one DIR; it cannot be used with --output-dir');
    return withHooks((hooks) => buildTargets(positionals.length === 0 ? ['.'] : positionals, resolve(io.cwd, outputDir), { ...settings, hooks }, io));
  }
  const target = positionals[0] ?? '.';
  const output = (values.get('output') as string | undefined) ?? '';
  if (watch) return watchTarget(target, output, settings, withHooks, io);
  withHooks((hooks) => buildOne(target, output, { ...settings, hooks }, io));
  return 0;
}

/** What every build of one command line shares, the cache included. */
interface TargetSettings extends Omit<BuildOptions, 'path' | 'fs'> {
  readonly fs: NodeFileSystem;
  readonly cache: BuildCache;
}

/**
 * Builds `target` (a directory, or a git address), prints its warnings, and prints the YAML or writes it to
 * `output` (a file, or a folder: one file per resource).
 */
function buildOne(target: string, output: string, settings: TargetSettings & { readonly hooks: BuildHooks }, io: CommandIO): void {
  const result = build({ ...settings, path: buildTarget(settings.fs, settings.hooks, io.cwd, target) });
  const warningText = kubectlWarningLines(result.warnings);
  if (warningText !== '') io.stderr(warningText);
  if (output === '') {
    io.stdout(result.yaml);
    return;
  }
  const file = resolve(io.cwd, output);
  // Each file is written atomically (a temporary file renamed over it): a failure leaves the old file whole.
  const disk = new NodeWritableFileSystem();
  if (isDirectory(file)) writeIndividualFiles(disk, file, result.objects);
  else {
    // Go's os.WriteFile, as kustomize writes: a path ending in a slash, or in a directory that does not exist, is an error.
    if (/[/\\]$/.test(output)) throw new KustomizeError('write-failed', `open ${output}: is a directory`);
    if (!isDirectory(dirname(file))) throw new KustomizeError('write-failed', `open ${output}: no such file or directory`);
    disk.writeFile(file, result.yaml);
  }
}

/**
 * Builds every target into `outputDir`, each as `<target relative to the current directory>.yaml`, sharing one
 * cache (a base common to several overlays is parsed once). A failed target is reported (with its warnings) and
 * the others still built; exit status 1 when any failed.
 */
function buildTargets(targets: readonly string[], outputDir: string, settings: TargetSettings & { readonly hooks: BuildHooks }, io: CommandIO): number {
  const planned = targets.map((target) => {
    const path = resolve(io.cwd, target);
    const name = relative(io.cwd, path);
    if (name === '' || name.startsWith('..') || isAbsolute(name)) throw new UsageError(`${target}: with --output-dir, give directories below the current directory (the output file is named after the path)`);
    return { target, path, file: join(outputDir, `${name}.yaml`) };
  });
  const disk = new NodeWritableFileSystem();
  let failed = false;
  for (const { target, path, file } of planned) {
    try {
      const result = build({ ...settings, path });
      const warningText = kubectlWarningLines(result.warnings);
      if (warningText !== '') io.stderr(warningText);
      disk.writeFile(file, result.yaml);
    } catch (error) {
      if (!(error instanceof KustomizeError)) throw error;
      failed = true;
      io.stderr(`${kubectlWarningLines(error.warnings)}Error: ${target}: ${error.toOneLine()}\n`);
    }
  }
  return failed ? 1 : 0;
}

/**
 * Builds `path` now and again after every change under it (changes within 50 ms count as one), until the
 * process is interrupted; a failed build is reported and the watch goes on.
 */
function watchTarget(target: string, output: string, settings: TargetSettings, withHooks: <T>(work: (hooks: BuildHooks) => T) => T, io: CommandIO): Promise<number> {
  const attempt = (): void => {
    try {
      withHooks((hooks) => buildOne(target, output, { ...settings, hooks }, io));
    } catch (error) {
      if (!(error instanceof KustomizeError)) throw error;
      io.stderr(`${kubectlWarningLines(error.warnings)}Error: ${error.toOneLine()}\n`);
    }
  };
  attempt();
  return new Promise((_, reject) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const watcher = watch(resolve(io.cwd, target), { recursive: true }, () => {
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = undefined;
        try {
          attempt();
        } catch (error) {
          watcher.close();
          reject(error);
        }
      }, 50);
    });
    watcher.on('error', reject);
  });
}

/** The directory to build: DIR, or a clone of it when it is a git address and no local path (as `kustomize build URL`). */
function buildTarget(fs: NodeFileSystem, hooks: BuildHooks, cwd: string, target: string): string {
  const local = resolve(cwd, target);
  if (fs.kind(local) !== undefined || !isRemoteReference(target) || !hooks.resolveRemote) return local;
  const tree = hooks.resolveRemote(target);
  if (!('fs' in tree) || tree.fs.kind(tree.path) !== 'directory') throw new UsageError(`'${target}' is not a kustomization directory`);
  return tree.path;
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** One file per resource, named as kustomize names them; prefixed by namespace when there are several. */
function writeIndividualFiles(disk: NodeWritableFileSystem, directory: string, objects: readonly JsonObject[]): void {
  const files = objects.map((object) => ({ object, ...describe(object) }));
  const namespaces = new Set(files.filter((file) => file.namespaced).map((file) => file.namespace));
  for (const file of files) {
    const prefix = file.namespaced && namespaces.size > 1 ? `${file.namespace.toLowerCase()}_` : '';
    const name = `${prefix}${file.name}`;
    // Names come from the resources: one with a slash (`../../x`) would write outside the directory, as kubectl lets it.
    if (/[/\\\0]/.test(name)) {
      throw new KustomizeError('invalid-resource', `the file name '${name}' made from a resource's name and namespace is not a plain file name`, { file: directory }, 'names with a slash cannot be written one file per resource; write to a single file instead');
    }
    disk.writeFile(join(directory, name), emitYaml(file.object));
  }
}

function describe(object: JsonObject): { name: string; namespace: string; namespaced: boolean } {
  const apiVersion = typeof object['apiVersion'] === 'string' ? object['apiVersion'] : '';
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/', 2) : ['', apiVersion];
  const kind = typeof object['kind'] === 'string' ? object['kind'] : '';
  const metadata = (object['metadata'] ?? {}) as JsonObject;
  const name = typeof metadata['name'] === 'string' ? metadata['name'] : '';
  const namespace = typeof metadata['namespace'] === 'string' ? metadata['namespace'] : '';
  const gvk = [group, version, kind].filter((part) => part).join('_');
  return { name: `${gvk.toLowerCase()}_${name.toLowerCase()}.yaml`, namespace, namespaced: namespace !== '' };
}

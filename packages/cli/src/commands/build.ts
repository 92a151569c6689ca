import { statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { build, emitYaml, isRemoteReference, KustomizeError, type BuildHooks, type JsonObject } from '@kustomize-ts/core';
import { NodeFileSystem, NodeWritableFileSystem } from '@kustomize-ts/core/node';
import { loadFlags, loadSettings, parseArgs, type CommandHelp, type FlagSpec } from '../args.js';
import { hookFlags, withCliHooks } from '../hooks.js';
import { UsageError, type CommandIO } from '../io.js';
import { kubectlWarningLines } from '../warnings.js';

/** kustomize v5.8.1's build flags, with its help texts and defaults. */
export const buildFlags: readonly FlagSpec[] = [
  { name: 'output', shorthand: 'o', kind: 'string', usage: 'If specified, write output to this path.' },
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
  usage: ['DIR [flags]'],
  examples: `  # Build the current working directory
  kustomize-ts build

  # Build some shared configuration directory
  kustomize-ts build /home/config/production

  # Build from github
  kustomize-ts build https://github.com/kubernetes-sigs/kustomize.git/examples/helloWorld?ref=v1.0.6`,
  flags: buildFlags,
};

/** `kustomize-ts build [DIR]`: what `kubectl kustomize [DIR]` prints, or writes with `-o`. */
export function runBuild(argv: readonly string[], io: CommandIO): number {
  const { positionals, flags: values, notices } = parseArgs(argv, buildFlags, buildHelp);
  for (const notice of notices) io.stderr(`${notice}\n`);
  if (positionals.length > 1) throw new UsageError('specify one path to kustomization.yaml');
  const { loadRestrictor, reorder, kustomizeVersion } = loadSettings(values);
  const fs = new NodeFileSystem();
  const result = withCliHooks(values, kustomizeVersion, (hooks) => {
    const path = buildTarget(fs, hooks, io.cwd, positionals[0] ?? '.');
    return build({ fs, path, loadRestrictor, reorder, kustomizeVersion, addManagedByLabel: values.get('enable-managedby-label') === true, hooks });
  });
  const warningText = kubectlWarningLines(result.warnings);
  if (warningText !== '') io.stderr(warningText);
  const output = (values.get('output') as string | undefined) ?? '';
  if (output === '') {
    io.stdout(result.yaml);
    return 0;
  }
  const target = resolve(io.cwd, output);
  // Each file is written atomically (a temporary file renamed over it): a failure leaves the old file whole.
  const disk = new NodeWritableFileSystem();
  if (isDirectory(target)) writeIndividualFiles(disk, target, result.objects);
  else {
    // Go's os.WriteFile, as kustomize writes: a path ending in a slash, or in a directory that does not exist, is an error.
    if (/[/\\]$/.test(output)) throw new KustomizeError('write-failed', `open ${output}: is a directory`);
    if (!isDirectory(dirname(target))) throw new KustomizeError('write-failed', `open ${output}: no such file or directory`);
    disk.writeFile(target, result.yaml);
  }
  return 0;
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

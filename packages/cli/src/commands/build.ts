import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build, emitYaml, KustomizeError, type BuildOptions, type JsonObject } from '@kustomize-ts/core';
import { NodeFileSystem, NodeWritableFileSystem } from '@kustomize-ts/core/node';
import { kustomizeVersionFlag, kustomizeVersionOf, parseArgs, type FlagSpec } from '../args.js';
import { UsageError, type CommandIO } from '../io.js';

const flags: readonly FlagSpec[] = [
  { name: 'output', short: 'o', kind: 'string' },
  { name: 'load-restrictor', kind: 'string' },
  { name: 'reorder', kind: 'string' },
  { name: 'enable-managedby-label', kind: 'boolean' },
  { name: 'enable-alpha-plugins', kind: 'boolean' },
  { name: 'enable-helm', kind: 'boolean' },
  { name: 'enable-exec', kind: 'boolean' },
  { name: 'helm-command', kind: 'string' },
  { name: 'helm-api-versions', kind: 'strings' },
  { name: 'helm-kube-version', kind: 'string' },
  { name: 'helm-debug', kind: 'boolean' },
  { name: 'network', kind: 'boolean' },
  { name: 'network-name', kind: 'string' },
  { name: 'mount', kind: 'strings' },
  { name: 'env', short: 'e', kind: 'strings' },
  { name: 'as-current-user', kind: 'boolean' },
  kustomizeVersionFlag,
];

const restrictors: Record<string, BuildOptions['loadRestrictor']> = {
  LoadRestrictionsRootOnly: 'rootOnly',
  LoadRestrictionsNone: 'none',
};

/** `kustomize-ts build [DIR]`: what `kubectl kustomize [DIR]` prints, or writes with `-o`. */
export function runBuild(argv: readonly string[], io: CommandIO): number {
  const { positionals, flags: values } = parseArgs(argv, flags);
  if (positionals.length > 1) throw new UsageError('specify one path to kustomization.yaml');
  const restrictorFlag = (values.get('load-restrictor') as string | undefined) ?? 'LoadRestrictionsRootOnly';
  const loadRestrictor = restrictors[restrictorFlag];
  if (!loadRestrictor) throw new UsageError(`illegal flag value --load-restrictor ${restrictorFlag}; legal values: LoadRestrictionsRootOnly, LoadRestrictionsNone`);
  const reorder = (values.get('reorder') as string | undefined) ?? 'legacy';
  if (reorder !== 'legacy' && reorder !== 'none') throw new UsageError(`illegal flag value --reorder ${reorder}; legal values: legacy, none`);
  const result = build({
    fs: new NodeFileSystem(),
    path: resolve(io.cwd, positionals[0] ?? '.'),
    loadRestrictor,
    reorder,
    addManagedByLabel: values.get('enable-managedby-label') === true,
    kustomizeVersion: kustomizeVersionOf(values),
  });
  const output = values.get('output') as string | undefined;
  if (output === undefined) {
    io.stdout(result.yaml);
    return 0;
  }
  const target = resolve(io.cwd, output);
  // Each file is written atomically (a temporary file renamed over it): a failure leaves the old file whole.
  const disk = new NodeWritableFileSystem();
  if (isDirectory(target)) writeIndividualFiles(disk, target, result.objects);
  else disk.writeFile(target, result.yaml);
  return 0;
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

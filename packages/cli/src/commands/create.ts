import { resolve } from 'node:path';
import { createKustomization, parseKeyValuePairs, type ResourceDetector } from '@kustomize-ts/core';
import { NodeWritableFileSystem } from '@kustomize-ts/core/node';
import { defaultIgnorePatterns, isIgnored, loadIgnorePatterns, readIgnorePatterns, scanManifests } from '@kustomize-ts/flux';
import { parseArgs, type CommandHelp, type FlagSpec } from '../args.js';
import { UsageError, type CommandIO } from '../io.js';

/** kustomize v5.8.1's `create` flags, with its help texts, and `--flux`. */
const flags: readonly FlagSpec[] = [
  { name: 'resources', kind: 'string', usage: 'Name of a file containing a file to add to the kustomization file.' },
  { name: 'namespace', kind: 'string', usage: 'Set the value of the namespace field in the kustomization file.' },
  { name: 'nameprefix', kind: 'string', usage: 'Sets the value of the namePrefix field in the kustomization file.' },
  { name: 'namesuffix', kind: 'string', usage: 'Sets the value of the nameSuffix field in the kustomization file.' },
  { name: 'labels', kind: 'string', usage: 'Add one or more common labels.' },
  { name: 'annotations', kind: 'string', usage: 'Add one or more common annotations.' },
  { name: 'autodetect', kind: 'bool', usage: 'Search for kubernetes resources in the current directory to be added to the kustomization file.' },
  { name: 'recursive', kind: 'bool', usage: 'Enable recursive directory searching for resource auto-detection.' },
  { name: 'flux', kind: 'bool', usage: 'Detect the resources as Flux does for a path without a kustomization.' },
  { name: 'ignore-paths', kind: 'stringSlice', usage: 'gitignore patterns of files --flux leaves out' },
];

/** `create`'s help. */
export const createHelp: CommandHelp = {
  path: 'kustomize-ts create',
  description: 'Create a new kustomization in the current directory (or DIR)',
  usage: ['[DIR] [flags]'],
  examples: `  # Create a new overlay from the base '../base".
  kustomize-ts create --resources ../base

  # Create a new kustomization detecting resources in the current directory.
  kustomize-ts create --autodetect

  # Also search for resources recursively
  kustomize-ts create --autodetect --recursive`,
  flags,
};

/** A comma-separated flag value as kustomize splits it (`strings.Split`, so empty parts stay). */
function commaList(value: string | undefined): string[] {
  return value === undefined || value === '' ? [] : value.split(',');
}

/**
 * Flux's detection (fluxcd/pkg kustomize generator, as `NewGeneratorWithIgnore` runs it for a path without a
 * kustomization): every `.yaml`/`.yml` file below the directory, a subdirectory with a kustomization listed
 * itself, `.sourceignore` files, Flux's default excludes and `ignore` patterns applied; paths start with `./`.
 */
function fluxDetector(ignorePaths: readonly string[]): ResourceDetector {
  return (fs, directory) => {
    const domain = directory.split('/');
    const patterns = [...loadIgnorePatterns(fs, directory), ...readIgnorePatterns(ignorePaths.join('\n'), domain)];
    const matcher = [...defaultIgnorePatterns(domain), ...patterns];
    return scanManifests(fs, directory, patterns)
      .filter((path) => !isIgnored(matcher, path, fs.kind(path) === 'directory'))
      .map((path) => `.${path.slice(directory === '/' ? 0 : directory.length)}`);
  };
}

/**
 * `kustomize-ts create [DIR]`: what `kustomize create` writes (in DIR, default the working directory), with
 * its flags; `--flux` detects resources as Flux does for a path without a kustomization.
 */
export function runCreate(argv: readonly string[], io: CommandIO): number {
  const { positionals, flags: values } = parseArgs(argv, flags, createHelp);
  if (positionals.length > 1) throw new UsageError(`unexpected argument "${positionals[1]}" for "create"`);
  const flux = values.get('flux') === true;
  const ignorePaths = (values.get('ignore-paths') as string[] | undefined) ?? [];
  if (ignorePaths.length > 0 && !flux) throw new UsageError('--ignore-paths needs --flux');
  const text = (name: string) => values.get(name) as string | undefined;
  createKustomization(new NodeWritableFileSystem(), resolve(io.cwd, positionals[0] ?? '.'), {
    resources: commaList(text('resources')),
    namespace: text('namespace'),
    namePrefix: text('nameprefix'),
    nameSuffix: text('namesuffix'),
    labels: parseKeyValuePairs(commaList(text('labels')), 'label'),
    annotations: parseKeyValuePairs(commaList(text('annotations')), 'annotation'),
    autodetect: flux || values.get('autodetect') === true,
    recursive: values.get('recursive') === true,
    ...(flux && { detector: fluxDetector(ignorePaths) }),
  });
  return 0;
}

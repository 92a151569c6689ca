import { resolve } from 'node:path';
import { createKustomization, parseKeyValuePairs, type ResourceDetector } from '@kustomize-ts/core';
import { NodeWritableFileSystem } from '@kustomize-ts/core/node';
import { defaultIgnorePatterns, isIgnored, loadIgnorePatterns, readIgnorePatterns, scanManifests } from '@kustomize-ts/flux';
import { parseArgs, type FlagSpec } from '../args.js';
import { UsageError, type CommandIO } from '../io.js';

const flags: readonly FlagSpec[] = [
  { name: 'resources', kind: 'string' },
  { name: 'namespace', kind: 'string' },
  { name: 'nameprefix', kind: 'string' },
  { name: 'namesuffix', kind: 'string' },
  { name: 'labels', kind: 'string' },
  { name: 'annotations', kind: 'string' },
  { name: 'autodetect', kind: 'boolean' },
  { name: 'recursive', kind: 'boolean' },
  { name: 'flux', kind: 'boolean' },
  { name: 'ignore-paths', kind: 'strings' },
];

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
  const { positionals, flags: values } = parseArgs(argv, flags);
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

import { resolve } from 'node:path';
import { build, diffResources, formatResourceDiff, loadKustomization, versionBehaviour, type BuildOptions, type DiffSide } from '@kustomize-ts/core';
import { NodeFileSystem } from '@kustomize-ts/core/node';
import { kustomizeVersionFlag, kustomizeVersionOf, parseArgs, type FlagSpec } from '../args.js';
import { UsageError, type CommandIO } from '../io.js';

const flags: readonly FlagSpec[] = [
  { name: 'load-restrictor', kind: 'string' },
  { name: 'reorder', kind: 'string' },
  { name: 'exit-code', kind: 'boolean' },
  kustomizeVersionFlag,
];

const restrictors: Record<string, BuildOptions['loadRestrictor']> = { LoadRestrictionsRootOnly: 'rootOnly', LoadRestrictionsNone: 'none' };

/**
 * `kustomize-ts diff A B`: builds both overlays and prints which resources B adds, removes and changes,
 * with the changed fields. Exit status 0; with `--exit-code`, 1 when they differ.
 */
export function runDiff(argv: readonly string[], io: CommandIO): number {
  const { positionals, flags: values } = parseArgs(argv, flags);
  if (positionals.length !== 2) throw new UsageError('diff needs two kustomization directories: kustomize-ts diff A B');
  const restrictorFlag = (values.get('load-restrictor') as string | undefined) ?? 'LoadRestrictionsRootOnly';
  const loadRestrictor = restrictors[restrictorFlag];
  if (!loadRestrictor) throw new UsageError(`illegal flag value --load-restrictor ${restrictorFlag}; legal values: LoadRestrictionsRootOnly, LoadRestrictionsNone`);
  const reorder = (values.get('reorder') as string | undefined) ?? 'legacy';
  if (reorder !== 'legacy' && reorder !== 'none') throw new UsageError(`illegal flag value --reorder ${reorder}; legal values: legacy, none`);
  const kustomizeVersion = kustomizeVersionOf(values);
  const fs = new NodeFileSystem();
  const sides = positionals.map((directory) => {
    const path = resolve(io.cwd, directory);
    const objects = build({ fs, path, loadRestrictor, reorder, kustomizeVersion }).objects;
    const kustomization = loadKustomization(fs, path, versionBehaviour(kustomizeVersion));
    const side: DiffSide = { namePrefix: kustomization.namePrefix, nameSuffix: kustomization.nameSuffix };
    return { objects, side };
  });
  const [before, after] = [sides[0]!, sides[1]!];
  const diff = diffResources(before.objects, after.objects, { before: before.side, after: after.side });
  io.stdout(formatResourceDiff(diff, { before: positionals[0]!, after: positionals[1]! }));
  const differs = diff.added.length + diff.removed.length + diff.changed.length > 0;
  return values.get('exit-code') === true && differs ? 1 : 0;
}

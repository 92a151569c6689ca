import { resolve } from 'node:path';
import { build, diffResources, formatResourceDiff, loadKustomization, versionBehaviour, type DiffSide } from '@kustomize-ts/core';
import { NodeFileSystem } from '@kustomize-ts/core/node';
import { loadFlags, loadSettings, parseArgs, type CommandHelp, type FlagSpec } from '../args.js';
import { colourResourceDiff } from '../colour.js';
import { hookFlags, withCliHooks } from '../hooks.js';
import { UsageError, type CommandIO } from '../io.js';

const flags: readonly FlagSpec[] = [...loadFlags, ...hookFlags, { name: 'exit-code', kind: 'bool', usage: 'exit with status 1 when the builds differ' }];

/** `diff`'s help. */
export const diffHelp: CommandHelp = {
  path: 'kustomize-ts diff',
  description: `Build two kustomization directories and print which resources B adds, removes and changes,
with the changed fields. Exit status 0; with --exit-code, 1 when they differ.`,
  usage: ['A B [flags]'],
  flags,
};

/**
 * `kustomize-ts diff A B`: builds both overlays and prints which resources B adds, removes and changes,
 * with the changed fields. Exit status 0; with `--exit-code`, 1 when they differ.
 */
export function runDiff(argv: readonly string[], io: CommandIO): number {
  const { positionals, flags: values } = parseArgs(argv, flags, diffHelp);
  if (positionals.length !== 2) throw new UsageError('diff needs two kustomization directories: kustomize-ts diff A B');
  const { loadRestrictor, reorder, kustomizeVersion } = loadSettings(values);
  const fs = new NodeFileSystem();
  const sides = positionals.map((directory) => {
    const path = resolve(io.cwd, directory);
    const objects = withCliHooks(values, kustomizeVersion, (hooks) => build({ fs, path, loadRestrictor, reorder, kustomizeVersion, hooks }).objects);
    const kustomization = loadKustomization(fs, path, versionBehaviour(kustomizeVersion));
    const side: DiffSide = { namePrefix: kustomization.namePrefix, nameSuffix: kustomization.nameSuffix };
    return { objects, side };
  });
  const [before, after] = [sides[0]!, sides[1]!];
  const diff = diffResources(before.objects, after.objects, { before: before.side, after: after.side });
  io.stdout(colourResourceDiff(formatResourceDiff(diff, { before: positionals[0]!, after: positionals[1]! }), io.colour === true));
  const differs = diff.added.length + diff.removed.length + diff.changed.length > 0;
  return values.get('exit-code') === true && differs ? 1 : 0;
}

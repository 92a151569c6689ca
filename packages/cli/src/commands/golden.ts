import { resolve } from 'node:path';
import { NodeWritableFileSystem } from '@kustomize-ts/core/node';
import { checkGolden, formatGoldenReport, planGolden, updateGolden, type GoldenCheckOptions } from '@kustomize-ts/core/testing';
import { kustomizeVersionFlag, kustomizeVersionOf, parseArgs, type FlagSpec } from '../args.js';
import { UsageError, type CommandIO } from '../io.js';

const usage = `Usage:
  kustomize-ts golden check|update DIR... [--golden-dir DIR] [--load-restrictor LoadRestrictionsRootOnly|LoadRestrictionsNone]
                                          [--reorder legacy|none] [--kustomize-version v5.5.0|v5.7.1|v5.8.1]

Renders every overlay under each DIR (a directory holding a kustomization, not looking inside it) to
GOLDEN/<path below DIR>.yaml, where GOLDEN is --golden-dir or the folder "golden" beside DIR (for an overlay
given directly: beside its parent). check prints a unified diff per drifted overlay and exits 1; update
writes the files.
`;

const flags: readonly FlagSpec[] = [
  { name: 'golden-dir', kind: 'string' },
  { name: 'load-restrictor', kind: 'string' },
  { name: 'reorder', kind: 'string' },
  kustomizeVersionFlag,
];

const restrictors: Record<string, GoldenCheckOptions['loadRestrictor']> = { LoadRestrictionsRootOnly: 'rootOnly', LoadRestrictionsNone: 'none' };

/** `kustomize-ts golden check|update DIR…`: golden files of overlays; check exits 1 on drift. */
export function runGolden(argv: readonly string[], io: CommandIO): number {
  const [mode, ...rest] = argv;
  if (mode !== 'check' && mode !== 'update') {
    if (mode === undefined || mode === 'help' || mode === '--help' || mode === '-h') {
      io.stdout(usage);
      return mode === undefined ? 1 : 0;
    }
    throw new UsageError(`unknown golden command "${mode}"; use check or update`);
  }
  const { positionals, flags: values } = parseArgs(rest, flags);
  if (positionals.length === 0) throw new UsageError(`golden ${mode} needs at least one directory`);
  const restrictorFlag = (values.get('load-restrictor') as string | undefined) ?? 'LoadRestrictionsRootOnly';
  const loadRestrictor = restrictors[restrictorFlag];
  if (!loadRestrictor) throw new UsageError(`illegal flag value --load-restrictor ${restrictorFlag}; legal values: LoadRestrictionsRootOnly, LoadRestrictionsNone`);
  const reorder = (values.get('reorder') as string | undefined) ?? 'legacy';
  if (reorder !== 'legacy' && reorder !== 'none') throw new UsageError(`illegal flag value --reorder ${reorder}; legal values: legacy, none`);
  const goldenFlag = values.get('golden-dir') as string | undefined;
  const fs = new NodeWritableFileSystem();
  const targets = positionals.flatMap((directory) => planGolden(fs, resolve(io.cwd, directory), goldenFlag === undefined ? {} : { goldenDir: resolve(io.cwd, goldenFlag) }));
  if (targets.length === 0) throw new UsageError(`no kustomization found under ${positionals.join(', ')}`);
  const options: GoldenCheckOptions = { loadRestrictor, reorder, kustomizeVersion: kustomizeVersionOf(values), displayRoot: io.cwd };
  const results = mode === 'update' ? updateGolden(fs, targets, options) : checkGolden(fs, targets, options);
  io.stdout(formatGoldenReport(results, { displayRoot: io.cwd, updated: mode === 'update' }));
  const failed = results.some((result) => result.status === 'error' || (mode === 'check' && result.status !== 'match'));
  return failed ? 1 : 0;
}

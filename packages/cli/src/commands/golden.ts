import { resolve } from 'node:path';
import { NodeWritableFileSystem } from '@kustomize-ts/core/node';
import { checkGolden, formatGoldenReport, planGolden, updateGolden, type GoldenCheckOptions } from '@kustomize-ts/core/testing';
import { helpOf, loadFlags, loadSettings, parseArgs, type CommandHelp, type FlagSpec } from '../args.js';
import { colourGoldenReport } from '../colour.js';
import { hookFlags, withCliHooks } from '../hooks.js';
import { UsageError, type CommandIO } from '../io.js';

const flags: readonly FlagSpec[] = [{ name: 'golden-dir', kind: 'string', usage: 'where the golden files are (default: the folder "golden" beside each DIR)' }, ...loadFlags, ...hookFlags];

/** `golden`'s help. */
export const goldenHelp: CommandHelp = {
  path: 'kustomize-ts golden',
  description: `Renders every overlay under each DIR (a directory holding a kustomization, not looking inside it) to
GOLDEN/<path below DIR>.yaml, where GOLDEN is --golden-dir or the folder "golden" beside DIR (for an overlay
given directly: beside its parent). check prints a unified diff per drifted overlay and exits 1; update
writes the files.`,
  usage: ['check|update DIR... [flags]'],
  commands: [
    { name: 'check', summary: 'Compare each overlay\'s build with its golden file; exit 1 on drift' },
    { name: 'update', summary: 'Write each overlay\'s build to its golden file' },
  ],
  flags,
};

const modeHelp = (mode: 'check' | 'update'): CommandHelp => ({ ...goldenHelp, path: `kustomize-ts golden ${mode}`, usage: ['DIR... [flags]'], commands: [] });

/** `kustomize-ts golden check|update DIR…`: golden files of overlays; check exits 1 on drift. */
export function runGolden(argv: readonly string[], io: CommandIO): number {
  const [mode, ...rest] = argv;
  helpOf(mode, goldenHelp);
  if (mode !== 'check' && mode !== 'update') throw new UsageError(`unknown golden command "${mode}"; use check or update`);
  const { positionals, flags: values } = parseArgs(rest, flags, modeHelp(mode));
  if (positionals.length === 0) throw new UsageError(`golden ${mode} needs at least one directory`);
  const { loadRestrictor, reorder, kustomizeVersion } = loadSettings(values);
  const goldenFlag = values.get('golden-dir') as string | undefined;
  const fs = new NodeWritableFileSystem();
  const targets = positionals.flatMap((directory) => planGolden(fs, resolve(io.cwd, directory), goldenFlag === undefined ? {} : { goldenDir: resolve(io.cwd, goldenFlag) }));
  if (targets.length === 0) throw new UsageError(`no kustomization found under ${positionals.join(', ')}`);
  const results = withCliHooks(values, kustomizeVersion, (hooks) => {
    const options: GoldenCheckOptions = { loadRestrictor, reorder, kustomizeVersion, displayRoot: io.cwd, hooks };
    return mode === 'update' ? updateGolden(fs, targets, options) : checkGolden(fs, targets, options);
  });
  io.stdout(colourGoldenReport(formatGoldenReport(results, { displayRoot: io.cwd, updated: mode === 'update' }), io.colour === true));
  const failed = results.some((result) => result.status === 'error' || (mode === 'check' && result.status !== 'match'));
  return failed ? 1 : 0;
}

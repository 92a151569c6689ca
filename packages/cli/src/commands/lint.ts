import { join, resolve } from 'node:path';
import { build, KustomizeError, type BuildWarning } from '@kustomize-ts/core';
import { NodeFileSystem } from '@kustomize-ts/core/node';
import { loadFlags, loadSettings, parseArgs, type CommandHelp } from '../args.js';
import { colourLintLine } from '../colour.js';
import { hookFlags, withCliHooks } from '../hooks.js';
import { UsageError, type CommandIO } from '../io.js';

/** `lint`'s help. */
export const lintHelp: CommandHelp = {
  path: 'kustomize-ts lint',
  description: `Build each kustomization directory and print its warnings, one line each: kubectl's
(deprecated fields, vars never used) and entries that did nothing (an images entry that changed no
image, a patch or replacement target that selected no resource, a replicas, label or annotation
entry that changed nothing), with the file, the field and the closest names.
Exit status 1 when there is any warning or a build fails.`,
  usage: ['DIR... [flags]'],
  flags: [...loadFlags, ...hookFlags],
};

/**
 * `kustomize-ts lint DIR…`: builds each directory and prints its warnings, kubectl's (deprecated fields,
 * unused vars) and work that did nothing (an `images:` entry that changed no image, a patch target that
 * selected nothing, …), one line each. Exit status 1 when any directory has a warning or fails to build.
 */
export function runLint(argv: readonly string[], io: CommandIO): number {
  const { positionals, flags } = parseArgs(argv, lintHelp.flags!, lintHelp);
  if (positionals.length === 0) throw new UsageError('lint needs at least one kustomization directory');
  const { loadRestrictor, reorder, kustomizeVersion } = loadSettings(flags);
  const fs = new NodeFileSystem();
  let found = false;
  for (const directory of positionals) {
    try {
      const { warnings } = withCliHooks(flags, kustomizeVersion, (hooks) => build({ fs, path: resolve(io.cwd, directory), loadRestrictor, reorder, kustomizeVersion, hooks }));
      for (const warning of warnings) io.stdout(`${lintLine(directory, warning, io.colour)}\n`);
      found ||= warnings.length > 0;
    } catch (error) {
      if (!(error instanceof KustomizeError)) throw error;
      for (const warning of error.warnings) io.stdout(`${lintLine(directory, warning, io.colour)}\n`);
      io.stderr(`Error: ${directory}: ${error.toOneLine()}\n`);
      found = true;
    }
  }
  return found ? 1 : 0;
}

/** `DIR/FILE: FIELD: message (closest: …)`, the file as the user can open it from where they ran lint. */
export function lintLine(directory: string, warning: BuildWarning, colour = false): string {
  const { file, field } = warning.location;
  const where = [file === undefined ? directory : join(directory, file), field].filter((part) => part !== undefined).join(': ');
  const message = warning.message.replace(/^# Warning: /, '');
  const closest = warning.closest && warning.closest.length > 0 ? ` (closest: ${warning.closest.join(', ')})` : '';
  return colourLintLine(where, `${message}${closest}`, colour);
}

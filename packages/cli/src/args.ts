import { formatHelp, parseFlags, type CommandHelp, type FlagSpec, type FlagValue } from '@kustomize-ts/flags';
import { defaultKustomizeVersion, isKustomizeVersion, kustomizeVersions, type KustomizeVersion } from '@kustomize-ts/core';
import { HelpRequested, UsageError } from './io.js';

export type { CommandHelp, FlagSpec } from '@kustomize-ts/flags';

/** Parsed command-line arguments. */
export interface ParsedArgs {
  readonly positionals: string[];
  readonly flags: ReadonlyMap<string, FlagValue>;
  /** cobra's notices for deprecated flags that were used, one line each. */
  readonly notices: readonly string[];
}

/**
 * Parses a command's arguments as cobra and pflag do for kustomize and kubectl (see `@kustomize-ts/flags`).
 * `-h`/`--help` ends the command with its help text on stdout (exit 0).
 */
export function parseArgs(argv: readonly string[], specs: readonly FlagSpec[], help: CommandHelp): ParsedArgs {
  const parsed = parseFlags(argv, specs);
  if (parsed.help) throw new HelpRequested(formatHelp(help));
  return { positionals: [...parsed.positional], flags: parsed.values, notices: parsed.notices };
}

/** Ends a command that dispatches to subcommands with its help when `word` asks for it or names none (exit 1 then). */
export function helpOf(word: string | undefined, help: CommandHelp): void {
  if (word === undefined || word === 'help' || word === '--help' || word === '-h') throw new HelpRequested(formatHelp(help), word === undefined ? 1 : 0);
}

/** The `--load-restrictor` and `--reorder` flags every building command takes, with kustomize's help. */
export const loadFlags: readonly FlagSpec[] = [
  {
    name: 'load-restrictor',
    kind: 'string',
    defaultValue: 'LoadRestrictionsRootOnly',
    usage: "if set to 'LoadRestrictionsNone', local kustomizations may load files from outside their root. This does, however, break the relocatability of the kustomization.",
  },
  {
    name: 'reorder',
    kind: 'string',
    defaultValue: 'legacy',
    usage: "Reorder the resources just before output. Use 'legacy' to apply a legacy reordering (Namespaces first, Webhooks last, etc). Use 'none' to suppress a final reordering.",
  },
  {
    name: 'kustomize-version',
    kind: 'string',
    defaultValue: defaultKustomizeVersion,
    usage: `the kustomize release whose output to reproduce: v5.5.0 (kubectl 1.32-1.33, Flux 2.5-2.6), v5.7.1 (kubectl 1.34-1.35, Flux 2.7.0-2.7.3) or v5.8.1 (kubectl 1.36, Flux 2.8-2.9)`,
  },
];

/** `--load-restrictor` and `--reorder` checked as kustomize checks them, in its words, and `--kustomize-version`. */
export function loadSettings(flags: ReadonlyMap<string, FlagValue>): { loadRestrictor: 'rootOnly' | 'none'; reorder: 'legacy' | 'none'; kustomizeVersion: KustomizeVersion } {
  const restrictorFlag = (flags.get('load-restrictor') as string | undefined) ?? 'LoadRestrictionsRootOnly';
  if (!['', 'LoadRestrictionsRootOnly', 'LoadRestrictionsNone'].includes(restrictorFlag)) throw new UsageError(`illegal flag value --load-restrictor ${restrictorFlag}; legal values: [LoadRestrictionsRootOnly LoadRestrictionsNone]`);
  const reorder = (flags.get('reorder') as string | undefined) ?? 'legacy';
  if (reorder !== 'legacy' && reorder !== 'none') throw new UsageError(`illegal flag value --reorder ${reorder}; legal values: [legacy none]`);
  const kustomizeVersion = (flags.get('kustomize-version') as string | undefined) ?? defaultKustomizeVersion;
  if (!isKustomizeVersion(kustomizeVersion)) throw new UsageError(`illegal flag value --kustomize-version ${kustomizeVersion}; legal values: [${kustomizeVersions.join(' ')}]`);
  return { loadRestrictor: restrictorFlag === 'LoadRestrictionsNone' ? 'none' : 'rootOnly', reorder, kustomizeVersion };
}

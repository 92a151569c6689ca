import { defaultKustomizeVersion, isKustomizeVersion, kustomizeVersions, type KustomizeVersion } from '@kustomize-ts/core';
import { UsageError } from './io.js';

/** How a flag takes its value. */
export type FlagKind = 'boolean' | 'string' | 'strings';

/** A flag a command accepts: long name, optional one-letter alias. */
export interface FlagSpec {
  readonly name: string;
  readonly kind: FlagKind;
  readonly short?: string;
}

/** Parsed command-line arguments. */
export interface ParsedArgs {
  readonly positionals: string[];
  readonly flags: Map<string, string | boolean | string[]>;
}

/**
 * Parses arguments the way cobra/pflag does for kubectl: `--flag value`, `--flag=value`, `-f value`,
 * booleans as `--flag` or `--flag=true|false`, `--` ends flags.
 */
export function parseArgs(argv: readonly string[], specs: readonly FlagSpec[]): ParsedArgs {
  const positionals: string[] = [];
  const flags = new Map<string, string | boolean | string[]>();
  const byName = new Map(specs.map((spec) => [spec.name, spec]));
  const byShort = new Map(specs.filter((spec) => spec.short).map((spec) => [spec.short!, spec]));
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    const long = arg.startsWith('--');
    const body = arg.slice(long ? 2 : 1);
    const eq = body.indexOf('=');
    const name = eq < 0 ? body : body.slice(0, eq);
    const spec = long ? byName.get(name) : byShort.get(name);
    if (!spec) throw new UsageError(`unknown flag: ${long ? '--' : '-'}${name}`);
    let value: string | undefined = eq < 0 ? undefined : body.slice(eq + 1);
    if (spec.kind === 'boolean') {
      if (value !== undefined && value !== 'true' && value !== 'false') throw new UsageError(`invalid argument "${value}" for "--${spec.name}" flag: expected true or false`);
      flags.set(spec.name, value !== 'false');
      continue;
    }
    if (value === undefined) {
      if (i + 1 >= argv.length) throw new UsageError(`flag needs an argument: --${spec.name}`);
      value = argv[++i]!;
    }
    if (spec.kind === 'strings') {
      const list = (flags.get(spec.name) as string[] | undefined) ?? [];
      list.push(...value.split(',').filter((part) => part !== ''));
      flags.set(spec.name, list);
    } else {
      flags.set(spec.name, value);
    }
  }
  return { positionals, flags };
}

/** `--kustomize-version`: the kustomize release whose output a build reproduces. */
export const kustomizeVersionFlag: FlagSpec = { name: 'kustomize-version', kind: 'string' };

/** The release `--kustomize-version` names, the newest when it is not given. */
export function kustomizeVersionOf(flags: ParsedArgs['flags']): KustomizeVersion {
  const text = (flags.get(kustomizeVersionFlag.name) as string | undefined) ?? defaultKustomizeVersion;
  if (!isKustomizeVersion(text)) throw new UsageError(`illegal flag value --kustomize-version ${text}; legal values: ${kustomizeVersions.join(', ')}`);
  return text;
}

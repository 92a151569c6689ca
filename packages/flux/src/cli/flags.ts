import { isKustomizeVersion, KustomizeError, kustomizeVersions } from '@kustomize-ts/core';
import { parseGoDuration, type GoDuration } from '../duration.js';

/**
 * Command-line flags parsed as the `flux` CLI parses them (cobra over spf13/pflag): `--name=value`,
 * `--name value`, `-n value`, `-nvalue`, `-n=value`, bare booleans, repeatable comma-separated lists,
 * `--` ending the flags, and pflag's error messages word for word.
 */

/** A flag error with pflag's or the command's message. */
export class FlagError extends KustomizeError {
  override readonly name = 'FlagError';

  constructor(message: string) {
    super('invalid-argument', message);
  }
}

/** How a flag turns its text into a value; throws an `Error` whose message pflag appends. */
type Kind = 'string' | 'bool' | 'duration' | 'stringSlice' | 'int' | 'float';

/** One flag a command accepts. */
export interface FlagSpec {
  readonly name: string;
  readonly shorthand?: string;
  readonly kind: Kind;
  /** Checks or normalises a value (pflag's `Value.Set`); throws an `Error` with the reason. */
  readonly set?: (text: string) => string;
  /** Printed on stderr when the flag is used, as cobra does for deprecated flags. */
  readonly deprecated?: string;
}

/** The parsed command line: flags by name, the positional arguments, and deprecation notices. */
export interface ParsedFlags {
  readonly values: ReadonlyMap<string, string | boolean | GoDuration | readonly string[]>;
  readonly positional: readonly string[];
  readonly notices: readonly string[];
}

/** pflag's `readAsCSV`: one CSV record (quotes allowed), `''` meaning no items. */
function readCsv(text: string): string[] {
  if (text === '') return [];
  const out: string[] = [];
  let field = '';
  let quoted = false;
  let atStart = true;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"' && atStart) {
      quoted = true;
      atStart = false;
    } else if (char === ',') {
      out.push(field);
      field = '';
      atStart = true;
    } else {
      if (char === '"') throw new Error(`parse error on line 1, column ${i + 1}: bare " in non-quoted-field`);
      field += char;
      atStart = false;
    }
  }
  if (quoted) throw new Error(`parse error on line 1, column ${text.length + 1}: extraneous or missing " in quoted-field`);
  out.push(field);
  return out;
}

const boolWords: ReadonlyMap<string, boolean> = new Map([
  ...['1', 't', 'T', 'TRUE', 'true', 'True'].map((word) => [word, true] as const),
  ...['0', 'f', 'F', 'FALSE', 'false', 'False'].map((word) => [word, false] as const),
]);

/** Parses `argv` against `specs`. */
export function parseFlags(argv: readonly string[], specs: readonly FlagSpec[]): ParsedFlags {
  const byName = new Map(specs.map((spec) => [spec.name, spec]));
  const byShorthand = new Map(specs.filter((spec) => spec.shorthand).map((spec) => [spec.shorthand!, spec]));
  const values = new Map<string, string | boolean | GoDuration | readonly string[]>();
  const changedSlices = new Set<string>();
  const positional: string[] = [];
  const notices: string[] = [];

  const assign = (spec: FlagSpec, text: string) => {
    const label = spec.shorthand ? `-${spec.shorthand}, --${spec.name}` : `--${spec.name}`;
    const invalid = (reason: string) => new FlagError(`invalid argument ${JSON.stringify(text)} for ${JSON.stringify(label)} flag: ${reason}`);
    if (spec.deprecated) notices.push(`Flag --${spec.name} has been deprecated, ${spec.deprecated}`);
    try {
      const checked = spec.set ? spec.set(text) : text;
      switch (spec.kind) {
        case 'bool': {
          const parsed = boolWords.get(checked);
          if (parsed === undefined) throw new Error(`strconv.ParseBool: parsing ${JSON.stringify(checked)}: invalid syntax`);
          values.set(spec.name, parsed);
          break;
        }
        case 'duration':
          values.set(spec.name, parseGoDuration(checked));
          break;
        case 'stringSlice': {
          const items = readCsv(checked);
          const previous = changedSlices.has(spec.name) ? (values.get(spec.name) as readonly string[]) : [];
          values.set(spec.name, [...previous, ...items]);
          changedSlices.add(spec.name);
          break;
        }
        case 'int':
          if (!/^[+-]?[0-9]+$/.test(checked)) throw new Error(`strconv.ParseInt: parsing ${JSON.stringify(checked)}: invalid syntax`);
          values.set(spec.name, checked);
          break;
        case 'float':
          if (Number.isNaN(Number(checked)) || checked.trim() === '') throw new Error(`strconv.ParseFloat: parsing ${JSON.stringify(checked)}: invalid syntax`);
          values.set(spec.name, checked);
          break;
        default:
          values.set(spec.name, checked);
      }
    } catch (error) {
      if (error instanceof FlagError) throw error;
      throw invalid(error instanceof Error ? error.message : String(error));
    }
  };

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (arg.startsWith('--') && arg.length > 2) {
      const body = arg.slice(2);
      const equals = body.indexOf('=');
      const name = equals < 0 ? body : body.slice(0, equals);
      const spec = byName.get(name);
      if (spec === undefined) throw new FlagError(`unknown flag: --${name}`);
      if (equals >= 0) assign(spec, body.slice(equals + 1));
      else if (spec.kind === 'bool') assign(spec, 'true');
      else if (i + 1 < argv.length) assign(spec, argv[++i]!);
      else throw new FlagError(`flag needs an argument: --${name}`);
      continue;
    }
    if (arg.startsWith('-') && arg.length > 1) {
      let shorthands = arg.slice(1);
      while (shorthands.length > 0) {
        const letter = shorthands[0]!;
        const spec = byShorthand.get(letter);
        if (spec === undefined) throw new FlagError(`unknown shorthand flag: '${letter}' in -${shorthands}`);
        if (shorthands.length > 2 && shorthands[1] === '=') {
          assign(spec, shorthands.slice(2));
          shorthands = '';
        } else if (spec.kind === 'bool') {
          assign(spec, 'true');
          shorthands = shorthands.slice(1);
        } else if (shorthands.length > 1) {
          assign(spec, shorthands.slice(1));
          shorthands = '';
        } else if (i + 1 < argv.length) {
          assign(spec, argv[++i]!);
          shorthands = '';
        } else {
          throw new FlagError(`flag needs an argument: '${letter}' in -${shorthands}`);
        }
      }
      continue;
    }
    positional.push(arg);
  }
  return { values, positional, notices };
}

/** A typed reader over {@link ParsedFlags} with defaults. */
export class Flags {
  constructor(private readonly parsed: ParsedFlags) {}

  /** True when the flag was given on the command line. */
  changed(name: string): boolean {
    return this.parsed.values.has(name);
  }

  string(name: string, fallback = ''): string {
    const value = this.parsed.values.get(name);
    return typeof value === 'string' ? value : fallback;
  }

  bool(name: string, fallback = false): boolean {
    const value = this.parsed.values.get(name);
    return typeof value === 'boolean' ? value : fallback;
  }

  duration(name: string, fallback: GoDuration): GoDuration {
    const value = this.parsed.values.get(name);
    return typeof value === 'bigint' ? value : fallback;
  }

  strings(name: string): readonly string[] {
    const value = this.parsed.values.get(name);
    return Array.isArray(value) ? value : [];
  }
}

/** `--kustomize-version`: the kustomize release whose output the build reproduces (the one the Flux version embeds). */
export const kustomizeVersionFlag: FlagSpec = {
  name: 'kustomize-version',
  kind: 'string',
  set: (text) => {
    if (!isKustomizeVersion(text)) throw new Error(`must be one of ${kustomizeVersions.join(', ')}`);
    return text;
  },
};

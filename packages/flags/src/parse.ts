/**
 * Command-line flags parsed as cobra parses them with spf13/pflag (kubectl, kustomize and flux all do):
 * `--name=value`, `--name value`, `-n value`, `-nvalue`, `-n=value`, bare booleans, clustered boolean
 * shorthands (`-abc`), flags among the positional arguments, `--` ending the flags, repeatable lists, and
 * pflag's error messages word for word. An undefined `-h`/`--help` stops parsing and asks for help, as
 * pflag's `ErrHelp` does.
 */

/**
 * How a flag turns its text into a value, named as pflag names its types:
 * - `bool`: Go's `strconv.ParseBool` words; bare `--flag` is true;
 * - `string`: the text;
 * - `stringSlice`: one CSV record per use, the uses appended (`--a x,y --a z` is `[x y z]`);
 * - `stringArray`: one item per use, commas kept;
 * - `int`, `float64`: checked as Go parses them, kept as text;
 * - `value`: the spec's own `parse` (a Go duration, say), its result kept.
 */
export type FlagKind = 'bool' | 'string' | 'stringSlice' | 'stringArray' | 'int' | 'float64' | 'value';

/** One flag a command accepts. */
export interface FlagSpec {
  readonly name: string;
  /** The one-letter form (`o` for `-o`). */
  readonly shorthand?: string;
  readonly kind: FlagKind;
  /** The help text; a word in backquotes names the value in the help (`path to a `file``). */
  readonly usage?: string;
  /** The default as pflag prints it (`LoadRestrictionsRootOnly`, `[a,b]`); omitted when it is the zero value. */
  readonly defaultValue?: string;
  /** The type shown in help for a `value` flag (`duration`). */
  readonly type?: string;
  /** For a `value` flag: turns the text into the value; throws an `Error` whose message pflag appends. */
  readonly parse?: (text: string) => unknown;
  /** Checks or normalises the text before it is stored (pflag's `Value.Set`); throws an `Error` with the reason. */
  readonly set?: (text: string) => string;
  /** Printed as a notice when the flag is used, as cobra does for deprecated flags; hides it from help. */
  readonly deprecated?: string;
  /** Left out of help. */
  readonly hidden?: boolean;
}

/** The value of a parsed flag. */
export type FlagValue = string | boolean | readonly string[] | unknown;

/** The parsed command line. */
export interface ParsedFlags {
  /** Flags given, by long name. */
  readonly values: ReadonlyMap<string, FlagValue>;
  readonly positional: readonly string[];
  /** Deprecation notices, one line each, without the newline. */
  readonly notices: readonly string[];
  /** True when `-h` or `--help` was given (and the command defines no such flag); parsing stopped there. */
  readonly help: boolean;
}

/** A command-line error with pflag's message. */
export class FlagError extends Error {
  override readonly name = 'FlagError';
}

/** pflag's `readAsCSV`: one CSV record (Go's encoding/csv, quotes allowed), `''` meaning no items. */
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

/** Parses `argv` against `specs`; throws {@link FlagError} with pflag's message. */
export function parseFlags(argv: readonly string[], specs: readonly FlagSpec[]): ParsedFlags {
  const byName = new Map(specs.map((spec) => [spec.name, spec]));
  const byShorthand = new Map(specs.filter((spec) => spec.shorthand).map((spec) => [spec.shorthand!, spec]));
  const values = new Map<string, FlagValue>();
  const positional: string[] = [];
  const notices: string[] = [];
  const done = (help: boolean): ParsedFlags => ({ values, positional, notices, help });

  const assign = (spec: FlagSpec, text: string) => {
    if (spec.deprecated) notices.push(`Flag --${spec.name} has been deprecated, ${spec.deprecated}`);
    try {
      values.set(spec.name, convert(spec, spec.set ? spec.set(text) : text, values.get(spec.name)));
    } catch (error) {
      const label = spec.shorthand ? `-${spec.shorthand}, --${spec.name}` : `--${spec.name}`;
      const reason = error instanceof Error ? error.message : String(error);
      throw new FlagError(`invalid argument ${JSON.stringify(text)} for ${JSON.stringify(label)} flag: ${reason}`);
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
      if (body.startsWith('-') || body.startsWith('=')) throw new FlagError(`bad flag syntax: ${arg}`);
      const equals = body.indexOf('=');
      const name = equals < 0 ? body : body.slice(0, equals);
      const spec = byName.get(name);
      if (spec === undefined) {
        if (name === 'help') return done(true);
        throw new FlagError(`unknown flag: --${name}`);
      }
      if (equals >= 0) assign(spec, body.slice(equals + 1));
      else if (spec.kind === 'bool') assign(spec, 'true');
      else if (i + 1 < argv.length) assign(spec, argv[++i]!);
      else throw new FlagError(`flag needs an argument: --${name}`);
      continue;
    }
    if (arg.startsWith('-') && arg.length > 1) {
      let shorthands = arg.slice(1);
      if (shorthands.startsWith('=')) throw new FlagError(`bad flag syntax: ${arg}`);
      while (shorthands.length > 0) {
        const letter = shorthands[0]!;
        const spec = byShorthand.get(letter);
        if (spec === undefined) {
          if (letter === 'h') return done(true);
          throw new FlagError(`unknown shorthand flag: '${letter}' in -${shorthands}`);
        }
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
  return done(false);
}

/** The value `text` gives a flag that held `previous` (lists grow with each use). */
function convert(spec: FlagSpec, text: string, previous: FlagValue | undefined): FlagValue {
  switch (spec.kind) {
    case 'bool': {
      const parsed = boolWords.get(text);
      if (parsed === undefined) throw new Error(`strconv.ParseBool: parsing ${JSON.stringify(text)}: invalid syntax`);
      return parsed;
    }
    case 'stringSlice':
      return [...((previous as readonly string[] | undefined) ?? []), ...readCsv(text)];
    case 'stringArray':
      return [...((previous as readonly string[] | undefined) ?? []), text];
    case 'int':
      if (!/^[+-]?[0-9]+$/.test(text)) throw new Error(`strconv.ParseInt: parsing ${JSON.stringify(text)}: invalid syntax`);
      return text;
    case 'float64':
      if (Number.isNaN(Number(text)) || text.trim() === '') throw new Error(`strconv.ParseFloat: parsing ${JSON.stringify(text)}: invalid syntax`);
      return text;
    case 'value':
      return spec.parse ? spec.parse(text) : text;
    default:
      return text;
  }
}

/** A typed reader over {@link ParsedFlags}, with defaults. */
export class Flags {
  constructor(readonly parsed: ParsedFlags) {}

  /** True when the flag was given on the command line. */
  changed(name: string): boolean {
    return this.parsed.values.has(name);
  }

  string(name: string, fallback = ''): string {
    const value = this.parsed.values.get(name);
    return typeof value === 'string' ? value : fallback;
  }

  /** A string flag, or `undefined` when it was not given. */
  optionalString(name: string): string | undefined {
    const value = this.parsed.values.get(name);
    return typeof value === 'string' ? value : undefined;
  }

  bool(name: string, fallback = false): boolean {
    const value = this.parsed.values.get(name);
    return typeof value === 'boolean' ? value : fallback;
  }

  strings(name: string, fallback: readonly string[] = []): readonly string[] {
    const value = this.parsed.values.get(name);
    return Array.isArray(value) ? (value as readonly string[]) : fallback;
  }

  /** A `value` flag's parsed value, or `fallback` when it was not given. */
  value<T>(name: string, fallback: T): T {
    return this.parsed.values.has(name) ? (this.parsed.values.get(name) as T) : fallback;
  }
}

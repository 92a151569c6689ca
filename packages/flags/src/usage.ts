import type { FlagSpec } from './parse.js';

/** The name pflag shows for a flag's value in help (`string`, `strings`, none for a boolean). */
const typeNames: Readonly<Record<FlagSpec['kind'], string>> = {
  bool: '',
  string: 'string',
  stringSlice: 'strings',
  stringArray: 'stringArray',
  int: 'int',
  float64: 'float',
  value: 'value',
};

/** pflag's `UnquoteUsage`: the backquoted word of the usage names the value, and loses its quotes. */
function unquoteUsage(spec: FlagSpec): { valueName: string; usage: string } {
  const usage = spec.usage ?? '';
  const match = /`([^`]*)`/.exec(usage);
  if (match) return { valueName: match[1]!, usage: usage.replace(match[0], match[1]!) };
  return { valueName: spec.kind === 'value' ? (spec.type ?? 'value') : typeNames[spec.kind], usage };
}

/**
 * The flags' lines of a help text as pflag's `FlagUsages` writes them: sorted by name, `-x, --name type`
 * then the usage in one column, and the default when it is not the type's zero value (quoted for strings).
 */
export function formatFlagUsages(specs: readonly FlagSpec[]): string {
  const rows = [...specs]
    .filter((spec) => !spec.hidden && !spec.deprecated)
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((spec) => {
      const { valueName, usage } = unquoteUsage(spec);
      const head = `${spec.shorthand ? `  -${spec.shorthand}, --` : '      --'}${spec.name}${valueName ? ` ${valueName}` : ''}`;
      const shown = spec.defaultValue === undefined || spec.defaultValue === '' ? '' : spec.kind === 'string' ? ` (default ${JSON.stringify(spec.defaultValue)})` : ` (default ${spec.defaultValue})`;
      return { head, text: `${usage}${shown}` };
    });
  const width = Math.max(0, ...rows.map((row) => row.head.length));
  return rows.map((row) => `${row.head}${' '.repeat(width - row.head.length + 3)}${row.text}\n`).join('');
}

/** What `--help` of one command says. */
export interface CommandHelp {
  /** The words that run it: `kustomize-ts build`. */
  readonly path: string;
  /** What it does, one or more paragraphs. */
  readonly description: string;
  /** Usage lines after the command path (`[DIR] [flags]`). */
  readonly usage: readonly string[];
  readonly examples?: string;
  /** Its subcommands with one line each. */
  readonly commands?: readonly { readonly name: string; readonly summary: string }[];
  readonly flags?: readonly FlagSpec[];
}

/** A help text in cobra's layout: description, Usage, Examples, Available Commands, Flags (with `-h, --help`). */
export function formatHelp(help: CommandHelp): string {
  const name = help.path.split(' ').at(-1)!;
  const sections = [help.description.trim(), `Usage:\n${help.usage.map((line) => `  ${help.path}${line ? ` ${line}` : ''}`).join('\n')}`];
  if (help.examples) sections.push(`Examples:\n${help.examples.replace(/\n+$/, '')}`);
  if (help.commands?.length) {
    const width = Math.max(...help.commands.map((command) => command.name.length));
    sections.push(`Available Commands:\n${help.commands.map((command) => `  ${command.name.padEnd(width + 1)} ${command.summary}`).join('\n')}`);
  }
  const flags: FlagSpec[] = [...(help.flags ?? []), { name: 'help', shorthand: 'h', kind: 'bool', usage: `help for ${name}` }];
  sections.push(`Flags:\n${formatFlagUsages(flags).replace(/\n$/, '')}`);
  if (help.commands?.length) sections.push(`Use "${help.path} [command] --help" for more information about a command.`);
  return `${sections.join('\n\n')}\n`;
}

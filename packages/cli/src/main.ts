import { formatHelp } from '@kustomize-ts/flags';
import { parseArgs, type CommandHelp } from './args.js';
import { wantsColour } from './colour.js';
import { completionScript, shells, type CompletionNode, type Shell } from './completion.js';
import { HelpRequested, UsageError, type CommandIO } from './io.js';
import { versionText } from './version.js';
import { kubectlWarningLines, warningsOf } from './warnings.js';

/** A command of the program: how it runs and where its help comes from (loaded only when asked for). */
interface Command {
  readonly name: string;
  readonly summary: string;
  readonly run: (argv: readonly string[], io: CommandIO) => number | Promise<number>;
  readonly help: () => Promise<CommandHelp>;
}

const versionHelp: CommandHelp = { path: 'kustomize-ts version', description: 'Prints the version of kustomize-ts and the kustomize versions it matches.', usage: ['[flags]'] };

const completionHelp: CommandHelp = {
  path: 'kustomize-ts completion',
  description: `Generate the autocompletion script for kustomize-ts for the specified shell.
See each sub-command's help for details on how to use the generated script.`,
  usage: ['bash|zsh|fish|powershell'],
  commands: [
    { name: 'bash', summary: 'Generate the autocompletion script for bash (source <(kustomize-ts completion bash))' },
    { name: 'zsh', summary: 'Generate the autocompletion script for zsh (source <(kustomize-ts completion zsh))' },
    { name: 'fish', summary: 'Generate the autocompletion script for fish (kustomize-ts completion fish | source)' },
    { name: 'powershell', summary: 'Generate the autocompletion script for powershell' },
  ],
};

const commands: readonly Command[] = [
  { name: 'build', summary: 'Build a kustomization target from a directory or URL', run: async (argv, io) => (await import('./commands/build.js')).runBuild(argv, io), help: async () => (await import('./commands/build.js')).buildHelp },
  { name: 'completion', summary: 'Generate the autocompletion script for the specified shell', run: (argv, io) => runCompletion(argv, io), help: async () => completionHelp },
  { name: 'create', summary: 'Create a new kustomization in the current directory', run: async (argv, io) => (await import('./commands/create.js')).runCreate(argv, io), help: async () => (await import('./commands/create.js')).createHelp },
  { name: 'diff', summary: 'Build two overlays and print what the second adds, removes and changes', run: async (argv, io) => (await import('./commands/diff.js')).runDiff(argv, io), help: async () => (await import('./commands/diff.js')).diffHelp },
  { name: 'edit', summary: 'Edits a kustomization file', run: async (argv, io) => (await import('./commands/edit.js')).runEdit(argv, io), help: async () => (await import('./commands/edit.js')).editHelp },
  { name: 'flux', summary: "Flux's offline commands: create, build, health", run: async (argv, io) => (await import('./commands/flux.js')).runFlux(argv, io), help: async () => (await import('./commands/flux.js')).fluxHelp },
  { name: 'golden', summary: 'Check or update the golden files of overlays', run: async (argv, io) => (await import('./commands/golden.js')).runGolden(argv, io), help: async () => (await import('./commands/golden.js')).goldenHelp },
  { name: 'lint', summary: 'Print the warnings of kustomizations: deprecated fields, entries that did nothing', run: async (argv, io) => (await import('./commands/lint.js')).runLint(argv, io), help: async () => (await import('./commands/lint.js')).lintHelp },
  { name: 'version', summary: 'Prints the kustomize-ts version', run: (argv, io) => runVersion(argv, io), help: async () => versionHelp },
];

const rootHelp: CommandHelp = {
  path: 'kustomize-ts',
  description: `kustomize-ts: kustomize build, in TypeScript.

Manages declarative configuration of Kubernetes, as kustomize does: builds produce what
kustomize build (and kubectl kustomize) print, byte for byte.`,
  usage: ['[command]'],
  commands: commands.map(({ name, summary }) => ({ name, summary })),
  flags: [{ name: 'version', kind: 'bool', usage: 'version for kustomize-ts' }],
};

/** Runs the command line `argv` (without the program name) and returns the exit status. */
export async function main(argv: readonly string[], io: CommandIO = processIO()): Promise<number> {
  const [word, ...rest] = argv;
  try {
    if (word === '--version') return runVersion(rest, io);
    if (word === 'help' && rest.length > 0) return await runHelp(rest, io);
    const command = commands.find((candidate) => candidate.name === word);
    if (command) return await command.run(rest, io);
    if (word === undefined || word === 'help' || word === '--help' || word === '-h') {
      io.stdout(formatHelp(rootHelp));
      return word === undefined ? 1 : 0;
    }
    throw new UsageError(`unknown command "${word}" for "kustomize-ts"`);
  } catch (error) {
    if (error instanceof HelpRequested) {
      io.stdout(error.text);
      return error.status;
    }
    // kubectl prints a failed build's warnings before its error.
    io.stderr(`${kubectlWarningLines(warningsOf(error))}Error: ${describeError(error)}\n`);
    return 1;
  }
}

/** `kustomize-ts help COMMAND [SUBCOMMAND…]`: the help of that command, as cobra's help command does. */
async function runHelp(words: readonly string[], io: CommandIO): Promise<number> {
  const command = commands.find((candidate) => candidate.name === words[0]);
  if (!command) throw new UsageError(`unknown help topic "${words.join(' ')}"`);
  return command.run([...words.slice(1), '--help'], io);
}

function runVersion(argv: readonly string[], io: CommandIO): number {
  const { positionals } = parseArgs(argv, [], versionHelp);
  if (positionals.length > 0) throw new UsageError(`unknown command "${positionals[0]}" for "kustomize-ts version"`);
  io.stdout(versionText());
  return 0;
}

async function runCompletion(argv: readonly string[], io: CommandIO): Promise<number> {
  const { positionals } = parseArgs(argv, [], completionHelp);
  const shell = positionals[0];
  if (shell === undefined) throw new HelpRequested(formatHelp(completionHelp), 1);
  if (!(shells as readonly string[]).includes(shell)) throw new UsageError(`unknown shell "${shell}": use ${shells.join(', ')}`);
  io.stdout(completionScript(shell as Shell, await completionTree(), 'kustomize-ts'));
  return 0;
}

/** The command tree with every command's subcommands and flags, for the completion scripts. */
async function completionTree(): Promise<CompletionNode> {
  const flagWords = (help: CommandHelp) => (help.flags ?? []).flatMap((flag) => [`--${flag.name}`, ...(flag.shorthand ? [`-${flag.shorthand}`] : [])]);
  const children = await Promise.all(
    commands.map(async (command): Promise<CompletionNode> => {
      const help = await command.help();
      const flags = flagWords(help);
      return { name: command.name, summary: command.summary, flags, children: (help.commands ?? []).map((sub) => ({ name: sub.name, summary: sub.summary, flags, children: [] })) };
    }),
  );
  return { name: 'kustomize-ts', summary: '', flags: ['--version'], children };
}

/** One line for any failure: typed errors say where and why; anything else is a bug, still one line. */
function describeError(error: unknown): string {
  if (error !== null && typeof error === 'object' && 'toOneLine' in error && typeof error.toOneLine === 'function') {
    return String(error.toOneLine());
  }
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/\s*\n\s*/g, '; ');
}

function processIO(): CommandIO {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    cwd: process.cwd(),
    colour: wantsColour(process.stdout.isTTY === true, process.env),
  };
}

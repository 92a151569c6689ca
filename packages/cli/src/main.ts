import { UsageError, type CommandIO } from './io.js';

const usage = `kustomize-ts: kustomize build, in TypeScript.

Usage:
  kustomize-ts build [DIR] [-o FILE|DIR] [--load-restrictor LoadRestrictionsRootOnly|LoadRestrictionsNone]
                     [--reorder legacy|none] [--enable-managedby-label] [--kustomize-version v5.5.0|v5.7.1|v5.8.1]
  kustomize-ts create [DIR] [--autodetect [--recursive] | --flux [--ignore-paths CSV]] [--resources CSV]
                      [--namespace NS] [--nameprefix P] [--namesuffix S] [--labels K:V,...] [--annotations K:V,...]
  kustomize-ts edit add|set|remove ... | fix      (kustomize-ts edit help lists the commands)
  kustomize-ts golden check|update DIR... [--golden-dir DIR]
  kustomize-ts diff A B [--exit-code] [--kustomize-version VERSION]
  kustomize-ts flux create kustomization|source git NAME [flags]
  kustomize-ts flux build kustomization NAME --path DIR [--kustomization-file FILE] [--dry-run]
                                                          [--kustomize-version v5.5.0|v5.7.1|v5.8.1]
  kustomize-ts flux health --kustomization FILE --objects FILE
`;

/** Runs the command line `argv` (without the program name) and returns the exit status. */
export async function main(argv: readonly string[], io: CommandIO = processIO()): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'build':
        return (await import('./commands/build.js')).runBuild(rest, io);
      case 'create':
        return (await import('./commands/create.js')).runCreate(rest, io);
      case 'edit':
        return (await import('./commands/edit.js')).runEdit(rest, io);
      case 'golden':
        return (await import('./commands/golden.js')).runGolden(rest, io);
      case 'diff':
        return (await import('./commands/diff.js')).runDiff(rest, io);
      case 'flux':
        return await (await import('./commands/flux.js')).runFlux(rest, io);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.stdout(usage);
        return command === undefined ? 1 : 0;
      default:
        throw new UsageError(`unknown command "${command}" for "kustomize-ts"`);
    }
  } catch (error) {
    io.stderr(`Error: ${describeError(error)}\n`);
    return 1;
  }
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
  };
}

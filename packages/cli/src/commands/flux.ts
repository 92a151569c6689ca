import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { getOwn, isJsonObject, KustomizeError, parseYamlDocuments, type JsonObject } from '@kustomize-ts/core';
import { NodeFileSystem, nodeHooks } from '@kustomize-ts/core/node';
import { evaluateHealth, ExportError, parseGoDuration, readKustomization, type HealthVerdict } from '@kustomize-ts/flux';
import { FlagError, runBuild, runCreate, type CommandOutput } from '@kustomize-ts/flux/cli';
import { helpOf, parseArgs, type CommandHelp, type FlagSpec } from '../args.js';
import { UsageError, type CommandIO } from '../io.js';

/** `flux`'s help. */
export const fluxHelp: CommandHelp = {
  path: 'kustomize-ts flux',
  description: `Flux's offline commands: export Flux objects, build a Flux Kustomization as kustomize-controller
does, and judge the health of applied objects. Failures print as the flux CLI prints them and exit 1.`,
  usage: [
    'create kustomization NAME --source=[KIND/]NAME[.NAMESPACE] [flags]',
    'create source git NAME --url=URL --branch=BRANCH [flags]',
    'health --kustomization FILE --objects FILE [--now RFC3339] [--elapsed DURATION]',
    'build kustomization NAME --path DIR --kustomization-file FILE [--dry-run] [--ignore-paths CSV]',
    '      [--strict-substitute] [--recursive --local-sources KIND/NS/NAME=DIR] [--in-memory-build]',
  ],
  commands: [
    { name: 'build', summary: 'Build a Flux Kustomization locally' },
    { name: 'create', summary: 'Export a Kustomization or a GitRepository as the flux CLI writes it' },
    { name: 'health', summary: "Judge applied objects' health as kustomize-controller does" },
  ],
};

/** Every YAML document of a file as objects, `kind: List` items included. */
function readObjects(file: string): JsonObject[] {
  const documents = parseYamlDocuments(readFileSync(file, 'utf8'), file);
  return documents.flatMap((document) => {
    if (!isJsonObject(document)) return [];
    const items = getOwn(document, 'items');
    return getOwn(document, 'kind') === 'List' && Array.isArray(items) ? items.filter(isJsonObject) : [document];
  });
}

function isFluxKustomization(object: JsonObject): boolean {
  const apiVersion = getOwn(object, 'apiVersion');
  return getOwn(object, 'kind') === 'Kustomization' && typeof apiVersion === 'string' && apiVersion.startsWith('kustomize.toolkit.fluxcd.io/');
}

const healthFlags: readonly FlagSpec[] = [
  { name: 'kustomization', kind: 'string', usage: 'the file holding the Flux Kustomization' },
  { name: 'objects', kind: 'string', usage: 'the file holding the applied objects, as the cluster returns them' },
  { name: 'now', kind: 'string', usage: 'the time of the check, RFC 3339 (default: now)' },
  { name: 'elapsed', kind: 'string', usage: 'how long the Kustomization has waited, a Go duration' },
];

const healthHelp: CommandHelp = { path: 'kustomize-ts flux health', description: "Judge applied objects' health as kustomize-controller does; exit 0 only when healthy.", usage: ['--kustomization FILE --objects FILE [flags]'], flags: healthFlags };

function formatVerdict(verdict: HealthVerdict): string {
  const lines = verdict.objects.map((object) => [object.kind, object.namespace || '-', object.name, object.status, object.message].join('\t'));
  const healthy = verdict.result === 'healthy' || verdict.result === 'none';
  lines.push(`${healthy ? 'healthy' : 'unhealthy'}: ${verdict.event}`);
  return `${lines.join('\n')}\n`;
}

function durationFlag(name: string, text: string): bigint {
  try {
    return parseGoDuration(text);
  } catch (error) {
    throw new UsageError(`invalid argument ${JSON.stringify(text)} for "--${name}" flag: ${(error as Error).message}`);
  }
}

/** `kustomize-ts flux health`: each checked object, then Flux's verdict; exit 0 only when healthy. */
function runHealth(argv: readonly string[], io: CommandIO): number {
  const { positionals, flags } = parseArgs(argv, healthFlags, healthHelp);
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}" for "flux health"`);
  const kustomizationFile = flags.get('kustomization') as string | undefined;
  const objectsFile = flags.get('objects') as string | undefined;
  if (!kustomizationFile || !objectsFile) throw new UsageError('flux health needs --kustomization FILE and --objects FILE');
  const path = resolve(io.cwd, kustomizationFile);
  const found = readObjects(path).find(isFluxKustomization);
  if (!found) throw new UsageError(`no kustomize.toolkit.fluxcd.io Kustomization in ${kustomizationFile}`);
  const kustomization = readKustomization(found, { file: kustomizationFile });
  const nowFlag = flags.get('now') as string | undefined;
  // The command line is the edge where the system clock may be read; the evaluation only sees `now`.
  const now = nowFlag === undefined ? new Date() : new Date(nowFlag);
  if (Number.isNaN(now.getTime())) throw new UsageError(`invalid argument "${nowFlag}" for "--now" flag: not an RFC 3339 time`);
  const elapsedFlag = flags.get('elapsed') as string | undefined;
  const verdict = evaluateHealth(kustomization, readObjects(resolve(io.cwd, objectsFile)), {
    now,
    ...(elapsedFlag !== undefined && { elapsed: durationFlag('elapsed', elapsedFlag) }),
  });
  io.stdout(formatVerdict(verdict));
  return verdict.result === 'healthy' || verdict.result === 'none' ? 0 : 1;
}

function print(output: CommandOutput, io: CommandIO): number {
  io.stderr(output.stderr);
  io.stdout(output.stdout);
  return 0;
}

/**
 * `kustomize-ts flux …`: Flux's offline commands. Failures print as the flux CLI prints them
 * (`✗ message`) and exit 1.
 */
export async function runFlux(argv: readonly string[], io: CommandIO): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'create':
        return print(runCreate(rest), io);
      case 'health':
        return runHealth(rest, io);
      case 'build': {
        const remoteHooks = nodeHooks({ helm: false });
        try {
          return print(runBuild(rest, { fs: new NodeFileSystem(), cwd: resolve(io.cwd), remoteHooks }), io);
        } finally {
          remoteHooks.dispose();
        }
      }
      default:
        helpOf(command, fluxHelp);
        throw new UsageError(`unknown command "${command}" for "kustomize-ts flux"`);
    }
  } catch (error) {
    if (error instanceof FlagError || error instanceof ExportError || error instanceof UsageError) {
      io.stderr(`✗ ${error.message}\n`);
      return 1;
    }
    if (error instanceof KustomizeError) {
      io.stderr(`✗ ${error.toOneLine()}\n`);
      return 1;
    }
    throw error;
  }
}

import { editKustomization, KustomizeError, parseImageArgument, parseKeyValuePairs, parseReplicasArgument, type KustomizationEdit, type PatchSetting } from '@kustomize-ts/core';
import { NodeWritableFileSystem } from '@kustomize-ts/core/node';
import { helpOf, parseArgs, type CommandHelp, type FlagSpec, type ParsedArgs } from '../args.js';
import { UsageError, type CommandIO } from '../io.js';

const usage = `Usage:
  kustomize-ts edit add resource|component PATH... [--no-verify]
  kustomize-ts edit add patch --path FILE|--patch TEXT [--group G] [--version V] [--kind K] [--name N]
                              [--namespace NS] [--label-selector S] [--annotation-selector S]
  kustomize-ts edit add label|annotation KEY:VALUE... [-f] [--without-selector [--include-templates]]
  kustomize-ts edit add configmap|secret NAME [--from-literal K=V]... [--from-file [K=]PATH]... [--from-env-file FILE]
                              [--behavior create|merge|replace] [--namespace NS] [--disableNameSuffixHash] [--type T]
  kustomize-ts edit set image NAME[=NEWNAME][:TAG][@DIGEST]...
  kustomize-ts edit set namespace|nameprefix|namesuffix VALUE
  kustomize-ts edit set replicas NAME=COUNT...
  kustomize-ts edit set label|annotation KEY:VALUE...
  kustomize-ts edit remove resource PATTERN...
  kustomize-ts edit remove patch (the flags of add patch)
  kustomize-ts edit remove label|annotation KEY[,KEY...] [-i]
  kustomize-ts edit fix
`;

const patchFlags: readonly FlagSpec[] = ['path', 'patch', 'group', 'version', 'kind', 'name', 'namespace', 'label-selector', 'annotation-selector'].map((name) => ({ name, kind: 'string' as const }));

const generatorFlags: readonly FlagSpec[] = [
  { name: 'from-literal', kind: 'stringArray' },
  { name: 'from-file', kind: 'stringSlice' },
  { name: 'from-env-file', kind: 'string' },
  { name: 'behavior', kind: 'string' },
  { name: 'namespace', kind: 'string' },
  { name: 'disableNameSuffixHash', kind: 'bool' },
  { name: 'type', kind: 'string' },
];

function text(parsed: ParsedArgs, name: string): string | undefined {
  return parsed.flags.get(name) as string | undefined;
}

function patchSetting(parsed: ParsedArgs): PatchSetting {
  if (parsed.positionals.length > 0) throw new UsageError(`unexpected argument "${parsed.positionals[0]}"`);
  return {
    path: text(parsed, 'path'),
    patch: text(parsed, 'patch'),
    target: {
      group: text(parsed, 'group'),
      version: text(parsed, 'version'),
      kind: text(parsed, 'kind'),
      name: text(parsed, 'name'),
      namespace: text(parsed, 'namespace'),
      labelSelector: text(parsed, 'label-selector'),
      annotationSelector: text(parsed, 'annotation-selector'),
    },
  };
}

function exactlyOne(positionals: readonly string[], what: string): string {
  if (positionals.length !== 1) throw new UsageError(`must specify exactly one ${what} value`);
  return positionals[0]!;
}

/** The keys of `remove label|annotation`: one comma-separated argument. */
function keyList(positionals: readonly string[], noun: string): string[] {
  if (positionals.length === 0) throw new UsageError(`must specify ${noun}`);
  if (positionals.length > 1) throw new UsageError(`${noun}s must be comma-separated, with no spaces`);
  return positionals[0]!.split(',');
}

/** Reads `edit VERB NOUN ARGS…` into the edit it asks for. */
function readEdit(verb: string | undefined, noun: string | undefined, argv: readonly string[]): KustomizationEdit {
  const parse = (specs: readonly FlagSpec[]) => parseArgs(argv, specs, { ...editHelp, path: `kustomize-ts edit ${verb} ${noun}`, usage: ['[flags]'], flags: specs });
  switch (`${verb} ${noun}`) {
    case 'add resource': {
      const parsed = parse([{ name: 'no-verify', kind: 'bool' }]);
      return { kind: 'addResource', paths: parsed.positionals, noVerify: parsed.flags.get('no-verify') === true };
    }
    case 'add component':
      return { kind: 'addComponent', paths: parse([]).positionals };
    case 'add patch':
      return { kind: 'addPatch', patch: patchSetting(parse(patchFlags)) };
    case 'add label': {
      const parsed = parse([{ name: 'force', shorthand: 'f', kind: 'bool' }, { name: 'without-selector', kind: 'bool' }, { name: 'include-templates', kind: 'bool' }]);
      return {
        kind: 'addLabel',
        labels: parseKeyValuePairs(parsed.positionals, 'label'),
        force: parsed.flags.get('force') === true,
        withoutSelector: parsed.flags.get('without-selector') === true,
        includeTemplates: parsed.flags.get('include-templates') === true,
      };
    }
    case 'add annotation': {
      const parsed = parse([{ name: 'force', shorthand: 'f', kind: 'bool' }]);
      return { kind: 'addAnnotation', annotations: parseKeyValuePairs(parsed.positionals, 'annotation'), force: parsed.flags.get('force') === true };
    }
    case 'add configmap':
    case 'add secret': {
      const parsed = parse(noun === 'secret' ? generatorFlags : generatorFlags.filter((flag) => flag.name !== 'type'));
      if (parsed.positionals.length !== 1) throw new UsageError('failed to validate flags: name must be specified once');
      const generator = {
        name: parsed.positionals[0]!,
        namespace: text(parsed, 'namespace'),
        behavior: text(parsed, 'behavior'),
        literals: (parsed.flags.get('from-literal') as string[] | undefined) ?? [],
        files: (parsed.flags.get('from-file') as string[] | undefined) ?? [],
        envFile: text(parsed, 'from-env-file'),
        disableNameSuffixHash: parsed.flags.get('disableNameSuffixHash') === true,
      };
      return noun === 'secret' ? { kind: 'addSecret', generator: { ...generator, type: text(parsed, 'type') ?? 'Opaque' } } : { kind: 'addConfigMap', generator };
    }
    case 'set image':
      return { kind: 'setImage', images: parse([]).positionals.map(parseImageArgument) };
    case 'set namespace':
      return { kind: 'setNamespace', namespace: exactlyOne(parse([]).positionals, 'namespace') };
    case 'set nameprefix':
      return { kind: 'setNamePrefix', prefix: exactlyOne(parse([]).positionals, 'prefix') };
    case 'set namesuffix':
      return { kind: 'setNameSuffix', suffix: exactlyOne(parse([]).positionals, 'suffix') };
    case 'set replicas':
      return { kind: 'setReplicas', replicas: parse([]).positionals.map(parseReplicasArgument) };
    case 'set label':
      return { kind: 'setLabel', labels: parseKeyValuePairs(parse([]).positionals, 'label') };
    case 'set annotation':
      return { kind: 'setAnnotation', annotations: parseKeyValuePairs(parse([]).positionals, 'annotation') };
    case 'remove resource':
      return { kind: 'removeResource', patterns: parse([]).positionals };
    case 'remove patch':
      return { kind: 'removePatch', patch: patchSetting(parse(patchFlags)) };
    case 'remove label':
    case 'remove annotation': {
      const parsed = parse([{ name: 'ignore-non-existence', shorthand: 'i', kind: 'bool' }]);
      const label = noun === 'label';
      const keys = keyList(parsed.positionals, label ? 'label' : 'annotation');
      const ignoreMissing = parsed.flags.get('ignore-non-existence') === true;
      return label ? { kind: 'removeLabel', keys, ignoreMissing } : { kind: 'removeAnnotation', keys, ignoreMissing };
    }
    default:
      throw new UsageError(`unknown edit command "${[verb, noun].filter(Boolean).join(' ')}"\n${usage}`);
  }
}

/** `edit`'s help. */
export const editHelp: CommandHelp = { path: 'kustomize-ts edit', description: 'Edits a kustomization file', usage: usage.replace(/^Usage:\n/, '').trimEnd().split('\n').map((line) => line.replace(/^  kustomize-ts edit ?/, '')), flags: [] };

/** What `kustomize edit fix` prints before its warnings. */
const fixedFields = `
Fixed fields:
  patchesJson6902 -> patches
  patchesStrategicMerge -> patches
  commonLabels -> labels
`;

/**
 * `kustomize-ts edit …`: the common `kustomize edit` commands on the kustomization file of the working
 * directory. The file keeps its comments and layout, is replaced atomically, and is untouched on any error.
 */
export function runEdit(argv: readonly string[], io: CommandIO): number {
  const [verb, ...rest] = argv;
  helpOf(verb, editHelp);
  let edit: KustomizationEdit;
  if (verb === 'fix') {
    const fixFlags: FlagSpec[] = [{ name: 'vars', kind: 'bool', usage: 'If specified, kustomize will attempt to convert vars to replacements.' }];
    const parsed = parseArgs(rest, fixFlags, { path: 'kustomize-ts edit fix', description: 'Fix the missing fields in kustomization file', usage: ['[flags]'], flags: fixFlags });
    if (parsed.positionals.length > 0) throw new UsageError(`unexpected argument "${parsed.positionals[0]}" for "edit fix"`);
    if (parsed.flags.get('vars') === true) {
      throw new KustomizeError('unsupported', 'converting vars to replacements (--vars) is not supported', {}, 'replace the vars by hand; see kustomize\'s replacements documentation');
    }
    edit = { kind: 'fix' };
  } else {
    const [noun, ...args] = rest;
    edit = readEdit(verb, noun, args);
  }
  const outcome = editKustomization(new NodeWritableFileSystem(), io.cwd, edit);
  if (edit.kind === 'fix') io.stdout(fixedFields);
  for (const note of outcome.notes) (note.startsWith('Warning:') ? io.stdout : io.stderr)(`${note}\n`);
  return 0;
}

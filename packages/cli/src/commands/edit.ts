import { editKustomization, KustomizeError, parseImageArgument, parseKeyValuePairs, parseReplicasArgument, type KustomizationEdit, type PatchSetting } from '@kustomize-ts/core';
import { NodeWritableFileSystem } from '@kustomize-ts/core/node';
import { helpOf, parseArgs, type CommandHelp, type FlagSpec } from '../args.js';
import { UsageError, type CommandIO } from '../io.js';

/** The arguments and flags of one command line, read. */
interface EditInput {
  readonly args: readonly string[];
  text(name: string): string | undefined;
  on(name: string): boolean;
  list(name: string): string[];
}

/** One `kustomize-ts edit …` command: its help, its flags, and the edit its arguments ask for. */
interface EditCommand {
  readonly name: string;
  /** The arguments, as the usage line shows them. */
  readonly args: string;
  readonly short: string;
  readonly long?: string;
  readonly examples?: readonly string[];
  readonly flags: readonly FlagSpec[];
  readonly read: (input: EditInput) => KustomizationEdit;
}

/** `edit add|set|remove`: a group of commands. */
interface EditGroup {
  readonly name: string;
  readonly short: string;
  readonly commands: readonly EditCommand[];
}

const program = 'kustomize-ts';

const buildMetadataLong = (verb: string) => `${verb} buildMetadata options of the kustomization file in the current directory.
Give the options as one comma-separated argument; they are:
  originAnnotations       annotate each resource with config.kubernetes.io/origin (where it came from)
  transformerAnnotations  annotate each resource with alpha.config.kubernetes.io/transformations
                          (the transformers that changed it)
  managedByLabel          label each resource with app.kubernetes.io/managed-by`;

const patchFlags: readonly FlagSpec[] = [
  { name: 'path', kind: 'string', usage: 'file of the patch (not with --patch)' },
  { name: 'patch', kind: 'string', usage: 'text of the patch (not with --path)' },
  { name: 'group', kind: 'string', usage: 'API group of the patch target' },
  { name: 'version', kind: 'string', usage: 'API version of the patch target' },
  { name: 'kind', kind: 'string', usage: 'kind of the patch target' },
  { name: 'name', kind: 'string', usage: 'name of the patch target' },
  { name: 'namespace', kind: 'string', usage: 'namespace of the patch target' },
  { name: 'label-selector', kind: 'string', usage: 'labelSelector of the patch target' },
  { name: 'annotation-selector', kind: 'string', usage: 'annotationSelector of the patch target' },
];

function patchSetting(input: EditInput): PatchSetting {
  if (input.args.length > 0) throw new UsageError(`unexpected argument "${input.args[0]}"`);
  return {
    path: input.text('path'),
    patch: input.text('patch'),
    target: {
      group: input.text('group'),
      version: input.text('version'),
      kind: input.text('kind'),
      name: input.text('name'),
      namespace: input.text('namespace'),
      labelSelector: input.text('label-selector'),
      annotationSelector: input.text('annotation-selector'),
    },
  };
}

/** The flags of `add configmap|secret`; `noun` is what they make. */
function generatorFlags(noun: string): FlagSpec[] {
  return [
    { name: 'from-file', kind: 'stringSlice', usage: `[key=]file sources (Go globs); the key defaults to the file's name` },
    { name: 'from-literal', kind: 'stringArray', usage: `key=value pairs to put in the ${noun}` },
    { name: 'from-env-file', kind: 'string', usage: 'file of key=value lines (a Docker .env file)' },
    { name: 'behavior', kind: 'string', usage: `create (the default), merge or replace: how the ${noun} meets one of the same name from a base` },
    { name: 'namespace', kind: 'string', usage: `namespace of the ${noun}` },
    { name: 'disableNameSuffixHash', kind: 'bool', usage: `no content hash suffix on the ${noun}'s name` },
  ];
}

function generatorSetting(input: EditInput) {
  if (input.args.length !== 1) throw new UsageError('failed to validate flags: name must be specified once');
  return {
    name: input.args[0]!,
    namespace: input.text('namespace'),
    behavior: input.text('behavior'),
    literals: input.list('from-literal'),
    files: input.list('from-file'),
    envFile: input.text('from-env-file'),
    disableNameSuffixHash: input.on('disableNameSuffixHash'),
  };
}

/** `set configmap|secret`: new values for keys of a generator, or a new namespace. */
function setGenerator(kind: 'ConfigMap' | 'Secret', examples: readonly string[]): EditCommand {
  const name = kind.toLowerCase();
  return {
    name,
    args: 'NAME',
    short: `Sets values of keys, or the namespace, of a ${kind} generator of the kustomization file`,
    long: `Sets new values for keys a ${kind} generator of the kustomization file already has, or moves it to a
new namespace. The generator is found by name and namespace (--namespace; no namespace and "default" are the same).`,
    examples: examples.map((example) => `edit set ${name} ${example}`),
    flags: [
      { name: 'from-literal', kind: 'stringArray', usage: `key=value: a new value for a key the ${kind} has` },
      { name: 'namespace', kind: 'string', usage: `namespace the ${kind} is in now` },
      { name: 'new-namespace', kind: 'string', usage: `namespace to move the ${kind} to` },
    ],
    read: (input) => {
      if (input.args.length !== 1) throw new UsageError('failed to validate flags: name must be specified once');
      const generator = { name: input.args[0]!, namespace: input.text('namespace'), newNamespace: input.text('new-namespace'), literals: input.list('from-literal') };
      return kind === 'Secret' ? { kind: 'setSecret', generator } : { kind: 'setConfigMap', generator };
    },
  };
}

/** `remove configmap|secret`: the generators of some names in one namespace. */
function removeGenerator(kind: 'ConfigMap' | 'Secret', example: string): EditCommand {
  const name = kind.toLowerCase();
  return {
    name,
    args: 'NAME[,NAME...]',
    short: `Removes ${kind} generators from the kustomization file`,
    long: `Removes the ${kind} generators of those names in the namespace (--namespace; no namespace and "default"
are the same). A name not found is a warning; none found is an error.`,
    examples: [`edit remove ${name} ${example}`],
    flags: [{ name: 'namespace', kind: 'string', usage: `namespace of the ${kind}s` }],
    read: (input) => {
      const names = commaSeparated(
        input,
        `at least one ${name} name must be specified`,
        `too many arguments: ${goList(input.args)}; to provide multiple ${name}s to remove, please separate ${name} names by commas`,
      );
      const namespace = input.text('namespace');
      return kind === 'Secret' ? { kind: 'removeSecret', names, namespace } : { kind: 'removeConfigMap', names, namespace };
    },
  };
}

/** The one argument of `set namespace|nameprefix|namesuffix`. */
function exactlyOne(input: EditInput, what: string): string {
  if (input.args.length !== 1) throw new UsageError(`must specify exactly one ${what} value`);
  return input.args[0]!;
}

/** One comma-separated argument (`remove label|annotation|configmap|secret`, `… buildmetadata`). */
function commaSeparated(input: EditInput, missing: string, tooMany: string): string[] {
  if (input.args.length === 0) throw new UsageError(missing);
  if (input.args.length > 1) throw new UsageError(tooMany);
  return input.args[0]!.split(',');
}

/** What Go's `%s` prints for a list of strings. */
const goList = (args: readonly string[]) => `[${args.join(' ')}]`;

function buildMetadataOptions(input: EditInput): string[] {
  return commaSeparated(
    input,
    'must specify a buildMetadata option',
    `too many arguments: ${goList(input.args)}; to provide multiple buildMetadata options, please separate options by comma`,
  );
}

const forceFlag = (noun: string): FlagSpec => ({ name: 'force', shorthand: 'f', kind: 'bool', usage: `overwrite a ${noun} that is already there` });
const ignoreFlag: FlagSpec = { name: 'ignore-non-existence', shorthand: 'i', kind: 'bool', usage: 'no error for a key that is not there' };

const add: EditGroup = {
  name: 'add',
  short: 'Adds an item to the kustomization file',
  commands: [
    {
      name: 'annotation',
      args: 'KEY:VALUE...',
      short: 'Adds commonAnnotations to the kustomization file',
      examples: ['edit add annotation owner:team-a contact:"ops@example.com"'],
      flags: [forceFlag('commonAnnotation')],
      read: (input) => ({ kind: 'addAnnotation', annotations: parseKeyValuePairs(input.args, 'annotation'), force: input.on('force') }),
    },
    {
      name: 'base',
      args: 'DIR[,DIR...]',
      short: 'Adds bases (directories that exist) to the resources of the kustomization file',
      examples: ['edit add base ../base,../common'],
      flags: [],
      read: (input) => {
        if (input.args.length !== 1) throw new UsageError('must specify a base directory');
        return { kind: 'addBase', paths: input.args[0]!.split(',') };
      },
    },
    {
      name: 'buildmetadata',
      args: 'OPTION[,OPTION...]',
      short: 'Adds buildMetadata options to the kustomization file',
      long: buildMetadataLong('Adds'),
      examples: ['edit add buildmetadata originAnnotations,managedByLabel'],
      flags: [],
      read: (input) => ({ kind: 'addBuildMetadata', options: buildMetadataOptions(input) }),
    },
    {
      name: 'component',
      args: 'PATH...',
      short: 'Adds components (Go globs or remote addresses) to the kustomization file',
      examples: ['edit add component ../components/monitoring'],
      flags: [],
      read: (input) => ({ kind: 'addComponent', paths: input.args }),
    },
    {
      name: 'configmap',
      args: 'NAME',
      short: 'Adds a ConfigMap generator to the kustomization file, or sources to the one of that name',
      examples: [
        'edit add configmap settings --from-literal=mode=fast --from-file=app.properties',
        'edit add configmap settings --from-env-file=app.env --behavior=merge --namespace=shop',
      ],
      flags: generatorFlags('ConfigMap'),
      read: (input) => ({ kind: 'addConfigMap', generator: generatorSetting(input) }),
    },
    {
      name: 'generator',
      args: 'PATH...',
      short: 'Adds generator configuration files (Go globs) to the kustomization file',
      examples: ['edit add generator generators/*.yaml'],
      flags: [],
      read: (input) => ({ kind: 'addGenerator', paths: input.args }),
    },
    {
      name: 'label',
      args: 'KEY:VALUE...',
      short: 'Adds commonLabels (or, --without-selector, a labels entry) to the kustomization file',
      examples: ['edit add label app:shop tier:web', 'edit add label team:a --without-selector --include-templates'],
      flags: [
        forceFlag('label'),
        { name: 'without-selector', kind: 'bool', usage: 'add to labels, leaving selectors alone, instead of commonLabels' },
        { name: 'include-templates', kind: 'bool', usage: 'label pod templates too (needs --without-selector)' },
      ],
      read: (input) => ({
        kind: 'addLabel',
        labels: parseKeyValuePairs(input.args, 'label'),
        force: input.on('force'),
        withoutSelector: input.on('without-selector'),
        includeTemplates: input.on('include-templates'),
      }),
    },
    {
      name: 'patch',
      args: '',
      short: 'Adds a patch (a file or inline text, strategic merge or JSON 6902) to the kustomization file',
      examples: ['edit add patch --path patch.yaml --kind Deployment --name web', `edit add patch --patch '[{"op":"add","path":"/spec/paused","value":true}]' --kind Deployment`],
      flags: patchFlags,
      read: (input) => ({ kind: 'addPatch', patch: patchSetting(input) }),
    },
    {
      name: 'resource',
      args: 'PATH...',
      short: 'Adds resources (Go globs or remote addresses) to the kustomization file',
      examples: ['edit add resource deployment.yaml ../base', "edit add resource 'manifests/*.yaml'"],
      flags: [{ name: 'no-verify', kind: 'bool', usage: 'add the paths as given, without looking for them' }],
      read: (input) => ({ kind: 'addResource', paths: input.args, noVerify: input.on('no-verify') }),
    },
    {
      name: 'secret',
      args: 'NAME',
      short: 'Adds a Secret generator to the kustomization file, or sources to the one of that name',
      examples: ['edit add secret creds --from-literal=user=admin --from-file=token=token.txt', 'edit add secret tls --from-file=tls.crt,tls.key --type=kubernetes.io/tls'],
      flags: [...generatorFlags('Secret'), { name: 'type', kind: 'string', defaultValue: 'Opaque', usage: 'type of the Secret (a new generator only)' }],
      read: (input) => ({ kind: 'addSecret', generator: { ...generatorSetting(input), type: input.text('type') ?? 'Opaque' } }),
    },
    {
      name: 'transformer',
      args: 'PATH...',
      short: 'Adds transformer configuration files (Go globs) to the kustomization file',
      examples: ['edit add transformer transformers/*.yaml'],
      flags: [],
      read: (input) => ({ kind: 'addTransformer', paths: input.args }),
    },
  ],
};

const set: EditGroup = {
  name: 'set',
  short: 'Sets the value of a field of the kustomization file',
  commands: [
    {
      name: 'annotation',
      args: 'KEY:VALUE...',
      short: 'Sets commonAnnotations of the kustomization file, overwriting present ones',
      examples: ['edit set annotation owner:team-b'],
      flags: [],
      read: (input) => ({ kind: 'setAnnotation', annotations: parseKeyValuePairs(input.args, 'annotation') }),
    },
    {
      name: 'buildmetadata',
      args: 'OPTION[,OPTION...]',
      short: 'Sets the buildMetadata options of the kustomization file, replacing the present ones',
      long: buildMetadataLong('Sets'),
      examples: ['edit set buildmetadata originAnnotations'],
      flags: [],
      read: (input) => ({ kind: 'setBuildMetadata', options: buildMetadataOptions(input) }),
    },
    setGenerator('ConfigMap', ['settings --from-literal=mode=slow', 'settings --namespace=shop --new-namespace=store']),
    {
      name: 'image',
      args: 'NAME[=NEWNAME][:TAG][@DIGEST]...',
      short: 'Sets new names, tags or digests of images in the kustomization file',
      long: `Sets images entries of the kustomization file: an entry of the same name is replaced, a new one added.
"*" as the new name, tag or digest keeps the value the entry has.`,
      examples: ['edit set image nginx=registry.example.com/nginx:1.27', 'edit set image redis:7 app@sha256:24a0c4b4a4c0eb97a1aabb8e29f18e917d05abfe1b7a7c07857230879ce7d3d3'],
      flags: [],
      read: (input) => ({ kind: 'setImage', images: input.args.map(parseImageArgument) }),
    },
    {
      name: 'label',
      args: 'KEY:VALUE...',
      short: 'Sets commonLabels of the kustomization file, overwriting present ones',
      examples: ['edit set label tier:frontend'],
      flags: [],
      read: (input) => ({ kind: 'setLabel', labels: parseKeyValuePairs(input.args, 'label') }),
    },
    {
      name: 'nameprefix',
      args: 'PREFIX',
      short: 'Sets the namePrefix field of the kustomization file',
      examples: ['edit set nameprefix shop-'],
      flags: [],
      read: (input) => ({ kind: 'setNamePrefix', prefix: exactlyOne(input, 'prefix') }),
    },
    {
      name: 'namespace',
      args: 'NAMESPACE',
      short: 'Sets the namespace field of the kustomization file',
      examples: ['edit set namespace staging'],
      flags: [],
      read: (input) => ({ kind: 'setNamespace', namespace: exactlyOne(input, 'namespace') }),
    },
    {
      name: 'namesuffix',
      args: 'SUFFIX',
      short: 'Sets the nameSuffix field of the kustomization file',
      examples: ['edit set namesuffix -- -v2'],
      flags: [],
      read: (input) => ({ kind: 'setNameSuffix', suffix: exactlyOne(input, 'suffix') }),
    },
    {
      name: 'replicas',
      args: 'NAME=COUNT...',
      short: 'Sets replica counts in the kustomization file',
      examples: ['edit set replicas web=3 worker=1'],
      flags: [],
      read: (input) => ({ kind: 'setReplicas', replicas: input.args.map(parseReplicasArgument) }),
    },
    setGenerator('Secret', ['creds --from-literal=user=root', 'creds --new-namespace=vault']),
  ],
};

/** The keys of `remove label|annotation`: one comma-separated argument. */
function keyList(input: EditInput, noun: string): string[] {
  return commaSeparated(input, `must specify ${noun}`, `${noun}s must be comma-separated, with no spaces`);
}

const remove: EditGroup = {
  name: 'remove',
  short: 'Removes items from the kustomization file',
  commands: [
    {
      name: 'annotation',
      args: 'KEY[,KEY...]',
      short: 'Removes commonAnnotations from the kustomization file',
      examples: ['edit remove annotation owner,contact'],
      flags: [ignoreFlag],
      read: (input) => ({ kind: 'removeAnnotation', keys: keyList(input, 'annotation'), ignoreMissing: input.on('ignore-non-existence') }),
    },
    {
      name: 'buildmetadata',
      args: 'OPTION[,OPTION...]',
      short: 'Removes buildMetadata options from the kustomization file',
      long: buildMetadataLong('Removes'),
      examples: ['edit remove buildmetadata managedByLabel'],
      flags: [],
      read: (input) => ({ kind: 'removeBuildMetadata', options: buildMetadataOptions(input) }),
    },
    removeGenerator('ConfigMap', 'settings,extra --namespace=shop'),
    {
      name: 'label',
      args: 'KEY[,KEY...]',
      short: 'Removes commonLabels from the kustomization file',
      examples: ['edit remove label tier,zone'],
      flags: [ignoreFlag],
      read: (input) => ({ kind: 'removeLabel', keys: keyList(input, 'label'), ignoreMissing: input.on('ignore-non-existence') }),
    },
    {
      name: 'patch',
      args: '',
      short: 'Removes the patches equal to the one the flags give from the kustomization file',
      examples: ['edit remove patch --path patch.yaml --kind Deployment --name web'],
      flags: patchFlags,
      read: (input) => ({ kind: 'removePatch', patch: patchSetting(input) }),
    },
    {
      name: 'resource',
      args: 'PATTERN...',
      short: 'Removes resources matching Go patterns from the kustomization file',
      examples: ["edit remove resource old.yaml 'legacy/*.yaml'"],
      flags: [],
      read: (input) => ({ kind: 'removeResource', patterns: input.args }),
    },
    removeGenerator('Secret', 'creds --namespace=shop'),
    {
      name: 'transformer',
      args: 'PATTERN...',
      short: 'Removes transformers matching Go patterns from the kustomization file',
      examples: ["edit remove transformer 'transformers/*.yaml'"],
      flags: [],
      read: (input) => ({ kind: 'removeTransformer', patterns: input.args }),
    },
  ],
};

const fix: EditCommand = {
  name: 'fix',
  args: '',
  short: 'Moves deprecated fields of the kustomization file to the fields that replace them',
  long: `Moves deprecated fields of the kustomization file to the fields that replace them (bases, imageTags,
patchesJson6902, patchesStrategicMerge, commonLabels, env, helmChartInflationGenerator), then builds the
directory before and after and warns when the output differs.`,
  examples: ['edit fix'],
  flags: [{ name: 'vars', kind: 'bool', usage: 'convert vars to replacements (not supported by kustomize-ts)' }],
  read: (input) => {
    if (input.args.length > 0) throw new UsageError(`unexpected argument "${input.args[0]}" for "edit fix"`);
    if (input.on('vars')) {
      throw new KustomizeError('unsupported', 'converting vars to replacements (--vars) is not supported', {}, "replace the vars by hand; see kustomize's replacements documentation");
    }
    return { kind: 'fix' };
  },
};

const groups: readonly EditGroup[] = [add, set, remove];

const editShort = 'Edits the kustomization file of the current directory';

/** A command's help in the shared layout; examples and the usage line carry the program name. */
function commandHelp(path: string, command: EditCommand): CommandHelp {
  return {
    path: `${program} ${path}`,
    description: command.long ?? command.short,
    usage: [[command.args, '[flags]'].filter(Boolean).join(' ')],
    ...(command.examples && { examples: command.examples.map((example) => `  ${program} ${example}`).join('\n') }),
    flags: command.flags,
  };
}

/** Help of a command group: its commands, sorted, each with its one-line description. */
function groupHelp(path: string, short: string, commands: readonly { name: string; short: string }[]): CommandHelp {
  const sorted = [...commands].sort((a, b) => (a.name < b.name ? -1 : 1));
  return { path: `${program} ${path}`, description: short, usage: ['[command]'], commands: sorted.map(({ name, short: summary }) => ({ name, summary })), flags: [] };
}

/** `edit`'s help: the groups and `fix`. */
export const editHelp: CommandHelp = groupHelp('edit', editShort, [...groups, fix]);

/** Reads `argv` with the command's flags, as pflag does; `-h`/`--help` ends with the command's help. */
function readInput(path: string, command: EditCommand, argv: readonly string[]): EditInput {
  const parsed = parseArgs(argv, command.flags, commandHelp(path, command));
  return {
    args: parsed.positionals,
    text: (name) => parsed.flags.get(name) as string | undefined,
    on: (name) => parsed.flags.get(name) === true,
    list: (name) => [...((parsed.flags.get(name) as readonly string[] | undefined) ?? [])],
  };
}

/** What `kustomize edit fix` prints before its warnings. */
const fixedFields = `
Fixed fields:
  patchesJson6902 -> patches
  patchesStrategicMerge -> patches
  commonLabels -> labels
`;

function runCommand(path: string, command: EditCommand, argv: readonly string[], io: CommandIO): number {
  const edit = command.read(readInput(path, command, argv));
  const outcome = editKustomization(new NodeWritableFileSystem(), io.cwd, edit);
  if (edit.kind === 'fix') io.stdout(fixedFields);
  for (const note of outcome.notes) (note.startsWith('Warning:') ? io.stdout : io.stderr)(`${note}\n`);
  return 0;
}

/**
 * `kustomize-ts edit …`: every `kustomize edit` command of kustomize v5.8.1 on the kustomization file of the
 * working directory, with its flags and messages. The file keeps its comments and layout, is replaced
 * atomically, and is untouched on any error. `-h`/`--help` on any command prints its help.
 */
export function runEdit(argv: readonly string[], io: CommandIO): number {
  const [verb, noun, ...rest] = argv;
  helpOf(verb, editHelp);
  if (verb === fix.name) return runCommand('edit fix', fix, argv.slice(1), io);
  const group = groups.find((candidate) => candidate.name === verb);
  if (!group) throw new UsageError(`unknown command "${verb}" for "${program} edit"`);
  helpOf(noun, groupHelp(`edit ${group.name}`, group.short, group.commands));
  const command = group.commands.find((candidate) => candidate.name === noun);
  if (!command) throw new UsageError(`unknown command "${noun}" for "${program} edit ${group.name}"`);
  return runCommand(`edit ${group.name} ${command.name}`, command, rest, io);
}

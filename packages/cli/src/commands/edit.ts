import { editKustomization, parseImageArgument, parseKeyValuePairs, parseReplicasArgument, type KustomizationEdit, type PatchSetting } from '@kustomize-ts/core';
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
  /** Command lines after the program name; a line starting with `#` is a comment about the next ones. */
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

/** kustomize's long help of `add|set|remove buildmetadata`. */
const buildMetadataLong = (verb: 'Adds' | 'Sets' | 'Removes') => {
  const does = verb === 'Removes' ? 'remove' : 'add';
  const replaced = verb === 'Sets' ? '\nExisting options in the buildMetadata field will be replaced entirely by the new options set by this command.' : '';
  return `${verb} one or more buildMetadata options to the kustomization.yaml in the current directory.${replaced}
The following options are valid:
  - originAnnotations
  - transformerAnnotations
  - managedByLabel
originAnnotations will ${does} the annotation config.kubernetes.io/origin to each resource, describing where 
each resource originated from.
transformerAnnotations will ${does} the annotation alpha.config.kubernetes.io/transformations to each resource,
describing the transformers that have acted upon the resource.
managedByLabel will ${does} the label app.kubernetes.io/managed-by to each resource, describing which version
of kustomize managed the resource.`;
};

const patchFlags: readonly FlagSpec[] = [
  { name: 'path', kind: 'string', usage: 'Path to the patch file. Cannot be used with --patch at the same time.' },
  { name: 'patch', kind: 'string', usage: 'Literal string of patch content. Cannot be used with --path at the same time.' },
  { name: 'group', kind: 'string', usage: 'API group in patch target' },
  { name: 'version', kind: 'string', usage: 'API version in patch target' },
  { name: 'kind', kind: 'string', usage: 'Resource kind in patch target' },
  { name: 'name', kind: 'string', usage: 'Resource name in patch target' },
  { name: 'namespace', kind: 'string', usage: 'Resource namespace in patch target' },
  { name: 'annotation-selector', kind: 'string', usage: 'annotationSelector in patch target' },
  { name: 'label-selector', kind: 'string', usage: 'labelSelector in patch target' },
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

/** The flags of `add configmap|secret`, with kustomize's help; `noun` is what they make. */
function generatorFlags(noun: 'configmap' | 'secret'): FlagSpec[] {
  const flags: FlagSpec[] = [
    {
      name: 'from-file',
      kind: 'stringSlice',
      usage: `Key file can be specified using its file path, in which case file basename will be used as ${noun} key, or optionally with a key and file path, in which case the given key will be used.  Specifying a directory will iterate each named file in the directory whose basename is a valid ${noun} key.`,
    },
    { name: 'from-literal', kind: 'stringArray', usage: `Specify a key and literal value to insert in ${noun} (i.e. mykey=somevalue)` },
    { name: 'from-env-file', kind: 'string', usage: `Specify the path to a file to read lines of key=val pairs to create a ${noun} (i.e. a Docker .env file).` },
    { name: 'disableNameSuffixHash', kind: 'bool', usage: `Disable the name suffix for the ${noun}` },
    { name: 'namespace', kind: 'string', usage: noun === 'configmap' ? 'Specify the namespace of the ConfigMap' : 'Specify the namespace of the secret' },
  ];
  if (noun === 'secret') return [...flags, { name: 'type', kind: 'string', defaultValue: 'Opaque', usage: "Specify the secret type this can be 'Opaque' (default), or 'kubernetes.io/tls'" }];
  return [
    ...flags,
    {
      name: 'behavior',
      kind: 'string',
      usage:
        'Specify the behavior for config map generation, i.e whether to create a new configmap (the default),  to merge with a previously defined one, or to replace an existing one. Merge and replace should be used only  when overriding an existing configmap defined in a base',
    },
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
    short: `Edits the value for an existing key for a ${kind} in the kustomization.yaml file`,
    long: `Edits the value for an existing key in an existing ${kind} in the kustomization.yaml file.
${kind} name, ${kind} namespace, and key name must match an existing entry in the kustomization.yaml file for this command to succeed.
When namespace is omitted, the default namespace is used. Conversely, when an entry without a specified namespace exists
in the kustomization.yaml file, it can be updated by either omitting the namespace on the kustomize edit set ${name} invocation or by
specifying --namespace=default.`,
    examples: examples.map((example) => `edit set ${name} ${example}`),
    flags: [
      { name: 'from-literal', kind: 'stringArray', usage: `Specify an existing key and a new value to update a ${kind} (i.e. mykey=newvalue)` },
      { name: 'namespace', kind: 'string', usage: `Current namespace of the target ${kind}` },
      { name: 'new-namespace', kind: 'string', usage: `New namespace value for the target ${kind}` },
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
    short: `Removes the specified ${name}(s) from kustomization.yaml`,
    // kustomize's words, "secret names" in the ConfigMap text too.
    long: `Removes the specified ${name}(s) from the kustomization.yaml file in the specified namespace.
If multiple ${name} names are specified, the command will not fail on secret names that were not found in the file,
but will issue a warning for each name that wasn't found.`,
    examples: [`edit remove ${name} ${example}`],
    flags: [{ name: 'namespace', kind: 'string', usage: `Namespace to remove ${kind}(s) from` }],
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

const forceFlag = (noun: string): FlagSpec => ({ name: 'force', shorthand: 'f', kind: 'bool', usage: `overwrite ${noun} if it already exists` });
const ignoreFlag: FlagSpec = { name: 'ignore-non-existence', shorthand: 'i', kind: 'bool', usage: "ignore error if the given label doesn't exist" };

const add: EditGroup = {
  name: 'add',
  short: 'Adds an item to the kustomization file',
  commands: [
    {
      name: 'annotation',
      args: 'KEY:VALUE...',
      short: 'Adds one or more commonAnnotations to kustomization.yaml',
      examples: ['edit add annotation owner:team-a contact:"ops@example.com"'],
      flags: [forceFlag('commonAnnotation')],
      read: (input) => ({ kind: 'addAnnotation', annotations: parseKeyValuePairs(input.args, 'annotation'), force: input.on('force') }),
    },
    {
      name: 'base',
      args: 'DIR[,DIR...]',
      short: 'Adds one or more bases to the kustomization.yaml in current directory',
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
      short: 'Adds one or more buildMetadata options to the kustomization.yaml in the current directory',
      long: buildMetadataLong('Adds'),
      examples: ['edit add buildmetadata originAnnotations,managedByLabel'],
      flags: [],
      read: (input) => ({ kind: 'addBuildMetadata', options: buildMetadataOptions(input) }),
    },
    {
      name: 'component',
      args: 'PATH...',
      short: 'Add the name of a file containing a component to the kustomization file',
      examples: ['edit add component ../components/monitoring'],
      flags: [],
      read: (input) => ({ kind: 'addComponent', paths: input.args }),
    },
    {
      name: 'configmap',
      args: 'NAME',
      short: 'Adds a configmap to the kustomization file',
      examples: [
        'edit add configmap settings --from-literal=mode=fast --from-file=app.properties',
        'edit add configmap settings --from-env-file=app.env --behavior=merge --namespace=shop',
      ],
      flags: generatorFlags('configmap'),
      read: (input) => ({ kind: 'addConfigMap', generator: generatorSetting(input) }),
    },
    {
      name: 'generator',
      args: 'PATH...',
      short: 'Add the name of a file containing a generator configuration to the kustomization file',
      examples: ['edit add generator generators/*.yaml'],
      flags: [],
      read: (input) => ({ kind: 'addGenerator', paths: input.args }),
    },
    {
      name: 'label',
      args: 'KEY:VALUE...',
      short: 'Adds one or more commonLabels to kustomization.yaml',
      examples: ['edit add label app:shop tier:web', 'edit add label team:a --without-selector --include-templates'],
      flags: [
        forceFlag('commonLabel'),
        { name: 'without-selector', kind: 'bool', usage: 'using add labels without selector option' },
        { name: 'include-templates', kind: 'bool', usage: 'include labels in templates (requires --without-selector)' },
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
      short: 'Add an item to patches field',
      long: `This command will add an item to patches field in the kustomization file.
Each item may:
 - be either a strategic merge patch, or a JSON patch
 - be either a file, or an inline string
 - target a single resource or multiple resources`,
      examples: ['edit add patch --path patch.yaml --kind Deployment --name web', `edit add patch --patch '[{"op":"add","path":"/spec/paused","value":true}]' --kind Deployment`],
      flags: patchFlags,
      read: (input) => ({ kind: 'addPatch', patch: patchSetting(input) }),
    },
    {
      name: 'resource',
      args: 'PATH...',
      short: 'Add the name of a file containing a resource to the kustomization file',
      examples: ['edit add resource deployment.yaml ../base', "edit add resource 'manifests/*.yaml'"],
      flags: [{ name: 'no-verify', kind: 'bool', usage: 'skip validation for resources' }],
      read: (input) => ({ kind: 'addResource', paths: input.args, noVerify: input.on('no-verify') }),
    },
    {
      name: 'secret',
      args: 'NAME',
      short: 'Adds a secret to the kustomization file.',
      examples: ['edit add secret creds --from-literal=user=admin --from-file=token=token.txt', 'edit add secret tls --from-file=tls.crt,tls.key --type=kubernetes.io/tls'],
      flags: generatorFlags('secret'),
      read: (input) => ({ kind: 'addSecret', generator: { ...generatorSetting(input), type: input.text('type') ?? 'Opaque' } }),
    },
    {
      name: 'transformer',
      args: 'PATH...',
      short: 'Add the name of a file containing a transformer configuration to the kustomization file',
      examples: ['edit add transformer transformers/*.yaml'],
      flags: [],
      read: (input) => ({ kind: 'addTransformer', paths: input.args }),
    },
  ],
};

const set: EditGroup = {
  name: 'set',
  short: 'Sets the value of different fields in kustomization file',
  commands: [
    {
      name: 'annotation',
      args: 'KEY:VALUE...',
      short: 'Sets one or more commonAnnotations in kustomization.yaml',
      examples: ['edit set annotation owner:team-b'],
      flags: [],
      read: (input) => ({ kind: 'setAnnotation', annotations: parseKeyValuePairs(input.args, 'annotation') }),
    },
    {
      name: 'buildmetadata',
      args: 'OPTION[,OPTION...]',
      short: 'Sets one or more buildMetadata options to the kustomization.yaml in the current directory',
      long: buildMetadataLong('Sets'),
      examples: ['edit set buildmetadata originAnnotations'],
      flags: [],
      read: (input) => ({ kind: 'setBuildMetadata', options: buildMetadataOptions(input) }),
    },
    setGenerator('ConfigMap', ['settings --from-literal=mode=slow', 'settings --namespace=shop --new-namespace=store']),
    {
      name: 'image',
      args: 'NAME[=NEWNAME][:TAG][@DIGEST]...',
      short: 'Sets images and their new names, new tags or digests in the kustomization file',
      examples: [
        '# replace the image nginx by registry.example.com/nginx, tag 1.27, wherever a resource uses it',
        'edit set image nginx=registry.example.com/nginx:1.27',
        '# a new tag for redis, a digest for app; * keeps what the images entry has',
        'edit set image redis:7 app@sha256:24a0c4b4a4c0eb97a1aabb8e29f18e917d05abfe1b7a7c07857230879ce7d3d3 web=*:2.0',
      ],
      flags: [],
      read: (input) => ({ kind: 'setImage', images: input.args.map(parseImageArgument) }),
    },
    {
      name: 'label',
      args: 'KEY:VALUE...',
      short: 'Sets one or more commonLabels in kustomization.yaml',
      examples: ['edit set label tier:frontend'],
      flags: [],
      read: (input) => ({ kind: 'setLabel', labels: parseKeyValuePairs(input.args, 'label') }),
    },
    {
      name: 'nameprefix',
      args: 'PREFIX',
      short: 'Sets the value of the namePrefix field in the kustomization file',
      examples: ['edit set nameprefix shop-'],
      flags: [],
      read: (input) => ({ kind: 'setNamePrefix', prefix: exactlyOne(input, 'prefix') }),
    },
    {
      name: 'namespace',
      args: 'NAMESPACE',
      short: 'Sets the value of the namespace field in the kustomization file',
      examples: ['edit set namespace staging'],
      flags: [],
      read: (input) => ({ kind: 'setNamespace', namespace: exactlyOne(input, 'namespace') }),
    },
    {
      name: 'namesuffix',
      args: 'SUFFIX',
      short: 'Sets the value of the nameSuffix field in the kustomization file',
      examples: ['edit set namesuffix -- -v2'],
      flags: [],
      read: (input) => ({ kind: 'setNameSuffix', suffix: exactlyOne(input, 'suffix') }),
    },
    {
      name: 'replicas',
      args: 'NAME=COUNT...',
      short: 'Sets replicas count for resources in the kustomization file',
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
      short: 'Removes one or more commonAnnotations from kustomization.yaml',
      examples: ['edit remove annotation owner,contact'],
      flags: [ignoreFlag],
      read: (input) => ({ kind: 'removeAnnotation', keys: keyList(input, 'annotation'), ignoreMissing: input.on('ignore-non-existence') }),
    },
    {
      name: 'buildmetadata',
      args: 'OPTION[,OPTION...]',
      short: 'Removes one or more buildMetadata options to the kustomization.yaml in the current directory',
      long: buildMetadataLong('Removes'),
      examples: ['edit remove buildmetadata managedByLabel'],
      flags: [],
      read: (input) => ({ kind: 'removeBuildMetadata', options: buildMetadataOptions(input) }),
    },
    removeGenerator('ConfigMap', 'settings,extra --namespace=shop'),
    {
      name: 'label',
      args: 'KEY[,KEY...]',
      short: 'Removes one or more commonLabels from kustomization.yaml',
      examples: ['edit remove label tier,zone'],
      flags: [ignoreFlag],
      read: (input) => ({ kind: 'removeLabel', keys: keyList(input, 'label'), ignoreMissing: input.on('ignore-non-existence') }),
    },
    {
      name: 'patch',
      args: '',
      short: 'Removes a patch from kustomization.yaml',
      long: `Removes a patch from patches field. The fields specified by flags must 
exactly match the patch item to successfully remote the item.`,
      examples: ['edit remove patch --path patch.yaml --kind Deployment --name web'],
      flags: patchFlags,
      read: (input) => ({ kind: 'removePatch', patch: patchSetting(input) }),
    },
    {
      name: 'resource',
      args: 'PATTERN...',
      short: 'Removes one or more resource file paths from kustomization.yaml',
      examples: ["edit remove resource old.yaml 'legacy/*.yaml'"],
      flags: [],
      read: (input) => ({ kind: 'removeResource', patterns: input.args }),
    },
    removeGenerator('Secret', 'creds --namespace=shop'),
    {
      name: 'transformer',
      args: 'PATTERN...',
      short: 'Removes one or more transformers from kustomization.yaml',
      examples: ["edit remove transformer 'transformers/*.yaml'"],
      flags: [],
      read: (input) => ({ kind: 'removeTransformer', patterns: input.args }),
    },
  ],
};

const fix: EditCommand = {
  name: 'fix',
  args: '',
  short: 'Fix the missing fields in kustomization file',
  examples: ['# move deprecated fields to the fields that replace them', 'edit fix', '# and convert vars to replacements, rewriting the resource files that use them', 'edit fix --vars'],
  flags: [
    {
      name: 'vars',
      kind: 'bool',
      usage: 'If specified, kustomize will attempt to convert vars to replacements. \nWe recommend doing this in a clean git repository where the change is easy to undo.',
    },
  ],
  read: (input) => {
    if (input.args.length > 0) throw new UsageError(`unexpected argument "${input.args[0]}" for "edit fix"`);
    return { kind: 'fix', vars: input.on('vars') };
  },
};

const groups: readonly EditGroup[] = [add, set, remove];

/** `edit alpha-list-builtin-plugin`: kustomize's builtin plugin kinds, generators first. */
const listBuiltinPlugins = { name: 'alpha-list-builtin-plugin', short: '[Alpha] List the builtin plugins' };

const builtinPluginKinds = [
  'ConfigMapGenerator', 'IAMPolicyGenerator', 'SecretGenerator', 'HelmChartInflationGenerator',
  'AnnotationsTransformer', 'HashTransformer', 'ImageTagTransformer', 'LabelTransformer', 'NamespaceTransformer',
  'PatchJson6902Transformer', 'PatchStrategicMergeTransformer', 'PatchTransformer', 'PrefixSuffixTransformer',
  'PrefixTransformer', 'SuffixTransformer', 'ReplacementTransformer', 'ReplicaCountTransformer', 'ValueAddTransformer',
];

const editShort = 'Edits a kustomization file';

/** A command's help in the shared layout; examples and the usage line carry the program name. */
function commandHelp(path: string, command: EditCommand): CommandHelp {
  return {
    path: `${program} ${path}`,
    description: command.long ?? command.short,
    usage: [[command.args, '[flags]'].filter(Boolean).join(' ')],
    ...(command.examples && { examples: command.examples.map((example) => (example.startsWith('#') ? `  ${example}` : `  ${program} ${example}`)).join('\n') }),
    flags: command.flags,
  };
}

/** Help of a command group: its commands, sorted, each with its one-line description. */
function groupHelp(path: string, short: string, commands: readonly { name: string; short: string }[]): CommandHelp {
  const sorted = [...commands].sort((a, b) => (a.name < b.name ? -1 : 1));
  return { path: `${program} ${path}`, description: short, usage: ['[command]'], commands: sorted.map(({ name, short: summary }) => ({ name, summary })), flags: [] };
}

/** `edit`'s help: the groups and `fix`. */
export const editHelp: CommandHelp = groupHelp('edit', editShort, [...groups, fix, listBuiltinPlugins]);

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
function fixedFields(vars: boolean): string {
  const fields = `
Fixed fields:
  patchesJson6902 -> patches
  patchesStrategicMerge -> patches
  commonLabels -> labels
`;
  if (vars) return `${fields}  vars -> replacements\n`;
  return `${fields}
To convert vars -> replacements, run the command \`kustomize edit fix --vars\`

WARNING: Converting vars to replacements will potentially overwrite many resource files 
and the resulting files may not produce the same output when \`kustomize build\` is run. 
We recommend doing this in a clean git repository where the change is easy to undo.
`;
}

function runCommand(path: string, command: EditCommand, argv: readonly string[], io: CommandIO): number {
  const edit = command.read(readInput(path, command, argv));
  const outcome = editKustomization(new NodeWritableFileSystem(), io.cwd, edit);
  if (edit.kind === 'fix') io.stdout(fixedFields(edit.vars === true));
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
  if (verb === listBuiltinPlugins.name) {
    const help: CommandHelp = { path: `${program} edit ${verb}`, description: listBuiltinPlugins.short, usage: [''], flags: [] };
    parseArgs(argv.slice(1), [], help);
    // kustomize lists them from Go maps, so in no fixed order; here always in this one.
    io.stdout(`Builtin plugins:\n\n${builtinPluginKinds.map((kind) => ` * ${kind}\n`).join('')}`);
    return 0;
  }
  const group = groups.find((candidate) => candidate.name === verb);
  if (!group) throw new UsageError(`unknown command "${verb}" for "${program} edit"`);
  helpOf(noun, groupHelp(`edit ${group.name}`, group.short, group.commands));
  const command = group.commands.find((candidate) => candidate.name === noun);
  if (!command) throw new UsageError(`unknown command "${noun}" for "${program} edit ${group.name}"`);
  return runCommand(`edit ${group.name} ${command.name}`, command, rest, io);
}

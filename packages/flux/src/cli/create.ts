import { Durations } from '../duration.js';
import { checkGitProvider, createFluxKustomization, createGitRepository, ExportError, printExport, safeRelativePath } from '../export/create.js';
import { formatHelp } from '@kustomize-ts/flags';
import { durationFlag, Flags, FlagError, parseFlags, type FlagSpec } from './flags.js';

/**
 * `flux create kustomization|source git … --export` from a command line, as the flux CLI reads it:
 * cobra's flags (global, `create`, `create source` and the command's own), its checks in its order, and
 * the exported YAML. Nothing is applied anywhere: the output is always the export.
 */

/** What a command printed. */
export interface CommandOutput {
  readonly stdout: string;
  /** Notices cobra prints on stderr, such as deprecated flags. */
  readonly stderr: string;
}

const oneOf = (what: string, allowed: readonly string[]) => (text: string) => {
  if (text.trim() === '') throw new Error(`no ${what} given, must be one of: ${allowed.join(', ')}`);
  if (!allowed.includes(text)) throw new Error(`unsupported ${what} '${text}', must be one of: ${allowed.join(', ')}`);
  return text;
};

/** The root flags of `flux` (kubeconfig and client flags are accepted and have no effect here). */
const globalFlags: readonly FlagSpec[] = [
  { name: 'namespace', shorthand: 'n', kind: 'string' },
  durationFlag('timeout'),
  { name: 'verbose', kind: 'bool' },
  { name: 'ns-follows-kube-context', kind: 'bool' },
  ...['kubeconfig', 'context', 'cluster', 'user', 'server', 'token', 'as', 'as-uid', 'certificate-authority', 'client-certificate', 'client-key', 'tls-server-name', 'cache-dir'].map(
    (name): FlagSpec => ({ name, kind: 'string' }),
  ),
  { name: 'as-group', kind: 'stringSlice' },
  { name: 'insecure-skip-tls-verify', kind: 'bool' },
  { name: 'disable-compression', kind: 'bool' },
  { name: 'kube-api-qps', kind: 'float64' },
  { name: 'kube-api-burst', kind: 'int' },
];

const createFlags: readonly FlagSpec[] = [
  durationFlag('interval'),
  { name: 'export', kind: 'bool' },
  { name: 'label', kind: 'stringSlice' },
];

const kustomizationFlags: readonly FlagSpec[] = [
  { name: 'source', kind: 'string' },
  { name: 'path', kind: 'string' },
  { name: 'prune', kind: 'bool' },
  { name: 'wait', kind: 'bool' },
  { name: 'health-check', kind: 'stringSlice' },
  durationFlag('health-check-timeout'),
  { name: 'validation', kind: 'string', deprecated: 'this arg is no longer used, all resources are validated using server-side apply dry-run' },
  { name: 'depends-on', kind: 'stringSlice' },
  { name: 'service-account', kind: 'string' },
  { name: 'decryption-provider', kind: 'string', set: oneOf('decryption provider', ['sops']) },
  { name: 'decryption-secret', kind: 'string' },
  { name: 'target-namespace', kind: 'string' },
  { name: 'kubeconfig-secret-ref', kind: 'string' },
  durationFlag('retry-interval'),
];

const gitFlags: readonly FlagSpec[] = [
  durationFlag('fetch-timeout'),
  ...['url', 'branch', 'tag', 'tag-semver', 'ref-name', 'commit', 'secret-ref', 'proxy-secret-ref', 'ca-file', 'private-key-file'].map((name): FlagSpec => ({ name, kind: 'string' })),
  { name: 'username', shorthand: 'u', kind: 'string' },
  { name: 'password', shorthand: 'p', kind: 'string' },
  { name: 'ssh-key-algorithm', kind: 'string', set: oneOf('public key algorithm', ['rsa', 'ecdsa', 'ed25519']) },
  { name: 'ssh-rsa-bits', kind: 'int' },
  { name: 'ssh-ecdsa-curve', kind: 'string', set: oneOf('ECDSA curve', ['p256', 'p384', 'p521']) },
  { name: 'provider', kind: 'string', set: checkGitProvider },
  { name: 'recurse-submodules', kind: 'bool' },
  { name: 'silent', shorthand: 's', kind: 'bool' },
  { name: 'ignore-paths', kind: 'stringSlice' },
  { name: 'sparse-checkout-paths', kind: 'stringSlice' },
];

const optionalString = (flags: Flags, name: string) => (flags.changed(name) ? flags.string(name) : undefined);

/** Which `create` command the words name, and the flags it takes. */
function resolveCommand(words: readonly string[]): { command: 'kustomization' | 'git'; flags: readonly FlagSpec[] } {
  const [first, second] = words;
  if (first === 'kustomization' || first === 'ks') return { command: 'kustomization', flags: kustomizationFlags };
  if (first === 'source' && second === 'git') return { command: 'git', flags: gitFlags };
  throw new ExportError(`unknown command ${JSON.stringify(words.join(' '))} for "flux create": use "kustomization" or "source git"`);
}

/** The words before the first flag: the command path. */
function commandWords(argv: readonly string[]): string[] {
  const words: string[] = [];
  for (const arg of argv) {
    if (arg.startsWith('-')) break;
    words.push(arg);
  }
  return words;
}

/**
 * Runs `flux create …` on `argv` (the words after `create`) and returns what the flux CLI prints with `--export`.
 *
 * @throws {@link FlagError} or {@link ExportError} carrying the flux CLI's message.
 */
export function runCreate(argv: readonly string[]): CommandOutput {
  const { command, flags: commandFlags } = resolveCommand(commandWords(argv));
  const skip = command === 'git' ? 2 : 1;
  const specs = [...globalFlags, ...createFlags, ...commandFlags];
  const parsed = parseFlags(argv.slice(skip), specs);
  if (parsed.help) {
    const usage = command === 'git' ? 'source git NAME --url=URL [flags]' : 'kustomization NAME --source=[KIND/]NAME[.NAMESPACE] [flags]';
    return { stdout: formatHelp({ path: 'flux create', description: `Export a Flux ${command === 'git' ? 'GitRepository' : 'Kustomization'} as \`flux create … --export\` writes it.`, usage: [usage], flags: specs }), stderr: '' };
  }
  const flags = new Flags(parsed);
  const name = parsed.positional[0];
  if (name === undefined) throw new ExportError('name is required');
  const common = {
    name,
    namespace: flags.string('namespace', 'flux-system'),
    interval: flags.value('interval', Durations.minute),
    labels: flags.strings('label'),
  };
  const object =
    command === 'kustomization'
      ? createFluxKustomization({
          ...common,
          source: flags.string('source'),
          path: flags.changed('path') ? safeRelativePath(flags.string('path')) : './',
          prune: flags.bool('prune'),
          wait: flags.bool('wait'),
          healthChecks: flags.strings('health-check'),
          healthCheckTimeout: flags.value('health-check-timeout', 2n * Durations.minute),
          dependsOn: flags.strings('depends-on'),
          serviceAccount: flags.string('service-account'),
          decryptionProvider: flags.string('decryption-provider'),
          decryptionSecret: flags.string('decryption-secret'),
          targetNamespace: flags.string('target-namespace'),
          kubeconfigSecretRef: flags.string('kubeconfig-secret-ref'),
          retryInterval: flags.value('retry-interval', 0n),
        })
      : createGitRepository({
          ...common,
          url: flags.string('url'),
          branch: flags.string('branch'),
          tag: flags.string('tag'),
          semver: flags.string('tag-semver'),
          refName: flags.string('ref-name'),
          commit: flags.string('commit'),
          secretRef: flags.string('secret-ref'),
          proxySecretRef: flags.string('proxy-secret-ref'),
          provider: optionalString(flags, 'provider'),
          caFile: flags.string('ca-file'),
          recurseSubmodules: flags.bool('recurse-submodules'),
          ignorePaths: flags.strings('ignore-paths'),
          sparseCheckoutPaths: flags.strings('sparse-checkout-paths'),
          fetchTimeout: flags.value('fetch-timeout', 0n),
        });
  return { stdout: printExport(object), stderr: parsed.notices.map((notice) => `${notice}\n`).join('') };
}

export { FlagError };

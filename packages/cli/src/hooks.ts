import { emitYaml, isJsonObject, KustomizeError, type BuildHooks, type JsonObject, type JsonValue } from '@kustomize-ts/core';
import { nodeHooks, type NodeBuildHooks } from '@kustomize-ts/core/node';
import type { FlagSpec, FlagValue } from '@kustomize-ts/flags';

/** The flags of {@link cliHooks}: kustomize's helm flags, and Flux's `--no-remote-bases`. */
export const hookFlags: readonly FlagSpec[] = [
  { name: 'enable-helm', kind: 'bool', usage: 'Enable use of the Helm chart inflator generator.' },
  { name: 'helm-command', kind: 'string', defaultValue: 'helm', usage: 'helm command (path to executable)' },
  { name: 'helm-api-versions', kind: 'stringArray', usage: 'Kubernetes api versions used by Helm for Capabilities.APIVersions' },
  { name: 'helm-kube-version', kind: 'string', usage: 'Kubernetes version used by Helm for Capabilities.KubeVersion' },
  { name: 'helm-debug', kind: 'bool', usage: 'Enable debug output from the Helm chart inflator generator.' },
  { name: 'no-remote-bases', kind: 'bool', usage: 'refuse remote resources and remote files (git repositories and http(s) addresses) instead of fetching them' },
];

/** Runs `work` with the hooks `flags` ask for, and removes what they cloned afterwards. */
export function withCliHooks<T>(flags: ReadonlyMap<string, FlagValue>, kustomizeVersion: string | undefined, work: (hooks: NodeBuildHooks) => T): T {
  const hooks = cliHooks(flags, kustomizeVersion);
  try {
    return work(hooks);
  } finally {
    hooks.dispose();
  }
}

/**
 * The build hooks the CLI's flags ask for: remote resources unless `--no-remote-bases` (on by default, as in
 * kustomize), Helm only with `--enable-helm` (otherwise kubectl's error), with the `--helm-*` settings.
 */
export function cliHooks(flags: ReadonlyMap<string, FlagValue>, kustomizeVersion?: string): NodeBuildHooks {
  const remote = flags.get('no-remote-bases') !== true;
  const helm = flags.get('enable-helm') === true;
  const hooks = nodeHooks({
    remote,
    helm: helm && {
      command: (flags.get('helm-command') as string | undefined) ?? 'helm',
      apiVersions: (flags.get('helm-api-versions') as string[] | undefined) ?? [],
      kubeVersion: (flags.get('helm-kube-version') as string | undefined) ?? '',
      debug: flags.get('helm-debug') === true,
      ...(kustomizeVersion !== undefined && { kustomizeVersion }),
    },
  });
  const refusals: BuildHooks = {
    ...(!remote && { resolveRemote: refuseRemote, readRemoteFile: refuseRemote }),
    ...(!helm && { renderHelmChart: refuseHelm }),
  };
  return { ...hooks, ...refusals };
}

function refuseRemote(address: string): never {
  throw new KustomizeError('unsupported', `remote resource '${address}' refused: --no-remote-bases is set`, {}, 'drop --no-remote-bases to fetch it, or vendor it and refer to it by a relative path');
}

/** kubectl's words for a chart built without `--enable-helm`: the plugin's configuration (sorted keys, as Go marshals it), then the reason. */
function refuseHelm(chart: JsonValue, globals: JsonValue | undefined): never {
  const config: JsonObject = { ...(isJsonObject(globals) ? globals : {}), ...(isJsonObject(chart) ? chart : {}) };
  const sorted = Object.fromEntries(Object.keys(config).sort().map((key) => [key, config[key]!]));
  throw new KustomizeError('unsupported', `trouble configuring builtin HelmChartInflationGenerator with config: \`\n${emitYaml(sorted)}\`: must specify --enable-helm`);
}

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { KustomizeError } from '../errors.js';
import { getOwn, isJsonObject, type JsonObject, type JsonValue } from '../json.js';
import type { HelmChartContext } from '../pipeline/hooks.js';
import { emitYaml, parseYaml } from '../yaml/index.js';

/**
 * `helmCharts:` inflated as kustomize's HelmChartInflationGenerator (v5.8.1) does it: `helm version` checked,
 * `helm pull` into chartHome for a chart that is not there, the values file (or `valuesInline` merged into it
 * by `valuesMerge`) copied to a temporary file, then `helm template` with exactly kustomize's arguments and
 * its HELM_*_HOME environment. The temporary directory is removed after each chart.
 */

/** The `--helm-*` flags of `kustomize build`. */
export interface HelmOptions {
  /** The helm program (`--helm-command`, default `helm`). */
  readonly command?: string;
  /** `--helm-api-versions`: replace every chart's `apiVersions` when given. */
  readonly apiVersions?: readonly string[];
  /** `--helm-kube-version`: replaces every chart's `kubeVersion` when given. */
  readonly kubeVersion?: string;
  /** `--helm-debug`: runs helm with `--debug`. */
  readonly debug?: boolean;
  /**
   * Whose helm check to make: before v5.8 kustomize ran `helm version -c --short` and required Helm 3;
   * v5.8.1 runs `helm version --short` and takes Helm 3 or 4. Default v5.8.1.
   */
  readonly kustomizeVersion?: string;
}

/** A chart entry's fields that the generator reads. */
interface Chart {
  readonly name: string;
  readonly version: string;
  readonly repo: string;
  readonly releaseName: string;
  readonly namespace: string;
  readonly nameTemplate: string;
  readonly valuesFile: string;
  readonly additionalValuesFiles: readonly string[];
  readonly valuesInline: JsonObject | undefined;
  readonly valuesMerge: string;
  readonly apiVersions: readonly string[];
  readonly kubeVersion: string;
  readonly includeCRDs: boolean;
  readonly skipTests: boolean;
  readonly skipHooks: boolean;
  readonly debug: boolean;
  readonly devel: boolean;
}

function readChart(entry: JsonValue, options: HelmOptions): Chart {
  const object = isJsonObject(entry) ? entry : {};
  const text = (key: string) => {
    const value = getOwn(object, key);
    return typeof value === 'string' ? value : '';
  };
  const flag = (key: string) => getOwn(object, key) === true;
  const list = (key: string) => {
    const value = getOwn(object, key);
    return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
  };
  const inline = getOwn(object, 'valuesInline');
  return {
    name: text('name'),
    version: text('version'),
    repo: text('repo'),
    releaseName: text('releaseName'),
    namespace: text('namespace'),
    nameTemplate: text('nameTemplate'),
    valuesFile: text('valuesFile'),
    additionalValuesFiles: list('additionalValuesFiles'),
    valuesInline: isJsonObject(inline) ? inline : undefined,
    valuesMerge: text('valuesMerge') || 'override',
    // The command line's settings win over the chart's, as in the generator's Config.
    apiVersions: options.apiVersions?.length ? options.apiVersions : list('apiVersions'),
    kubeVersion: options.kubeVersion || text('kubeVersion'),
    includeCRDs: flag('includeCRDs'),
    skipTests: flag('skipTests'),
    skipHooks: flag('skipHooks'),
    debug: options.debug === true || flag('debug'),
    devel: flag('devel'),
  };
}

/** kustomize's `HelmChart.AsHelmArgs`: the `helm template` command line. */
function helmTemplateArgs(chart: Chart, absChartHome: string, valuesFile: string): string[] {
  const args = ['template', chart.releaseName || '--generate-name'];
  if (chart.name) args.push(join(absChartHome, chart.name));
  if (chart.namespace) args.push('--namespace', chart.namespace);
  if (chart.nameTemplate) args.push('--name-template', chart.nameTemplate);
  if (valuesFile) args.push('-f', valuesFile);
  for (const file of chart.additionalValuesFiles) args.push('-f', file);
  for (const apiVersion of chart.apiVersions) args.push('--api-versions', apiVersion);
  if (chart.kubeVersion) args.push('--kube-version', chart.kubeVersion);
  if (chart.includeCRDs) args.push('--include-crds');
  if (chart.skipTests) args.push('--skip-tests');
  if (chart.skipHooks) args.push('--no-hooks');
  if (chart.debug) args.push('--debug');
  if (chart.devel) args.push('--devel');
  return args;
}

/** kustomize's `pullCommand`. */
function helmPullArgs(chart: Chart, absChartHome: string): string[] {
  const args = ['pull', '--untar', '--untardir', absChartHome];
  if (chart.repo.startsWith('oci://')) args.push(`${chart.repo.replace(/\/$/, '')}/${chart.name}`);
  else {
    if (chart.repo) args.push('--repo', chart.repo);
    args.push(chart.name);
  }
  if (chart.version) args.push('--version', chart.version);
  if (chart.devel) args.push('--devel');
  return args;
}

/**
 * kyaml's `merge2.Merge(src, dest)`: src's fields into dest, maps merged key by key, anything else replaced,
 * a null in src clearing the field.
 */
function mergeValues(src: JsonValue, dest: JsonValue): JsonValue {
  if (!isJsonObject(src) || !isJsonObject(dest)) return src;
  const out: JsonObject = { ...dest };
  for (const [key, value] of Object.entries(src)) {
    if (value === null) delete out[key];
    else out[key] = Object.hasOwn(dest, key) ? mergeValues(value, dest[key]!) : value;
  }
  return out;
}

/** A renderer for the `renderHelmChart` hook that runs helm as kustomize does. */
export function helmRenderer(options: HelmOptions = {}): (chart: JsonValue, globals: JsonValue | undefined, context: HelmChartContext) => string {
  const command = options.command || 'helm';
  const legacyCheck = options.kustomizeVersion === 'v5.5.0' || options.kustomizeVersion === 'v5.7.1';
  return (entry, globals, context) => {
    const chart = readChart(entry, options);
    if (!chart.name) throw new KustomizeError('invalid-kustomization', 'chart name cannot be empty', { field: 'helmCharts' });
    if (!['merge', 'override', 'replace'].includes(chart.valuesMerge)) throw new KustomizeError('invalid-kustomization', 'valuesMerge must be one of [merge override replace]', { field: 'helmCharts' });
    const global = (key: string) => {
      const value = isJsonObject(globals) ? getOwn(globals, key) : undefined;
      return typeof value === 'string' ? value : '';
    };
    const chartHomeSetting = global('chartHome') || 'charts';
    const chartHome = isAbsolute(chartHomeSetting) ? chartHomeSetting : join(context.directory, chartHomeSetting);
    const absChartHome = chart.version && chart.repo ? join(chartHome, `${chart.name}-${chart.version}`) : chartHome;
    const additionalValuesFiles = chart.additionalValuesFiles.map((file) => {
      context.readFile(file);
      return join(context.directory, file);
    });
    const tmp = mkdtempSync(join(tmpdir(), 'kustomize-helm-'));
    try {
      const configHome = global('configHome') || join(tmp, 'helm');
      const env = [`HELM_CONFIG_HOME=${configHome}`, `HELM_CACHE_HOME=${configHome}/.cache`, `HELM_DATA_HOME=${configHome}/.data`];
      const run = (args: readonly string[]) => runHelm(command, args, env);
      checkHelmVersion(run(legacyCheck ? ['version', '-c', '--short'] : ['version', '--short']), legacyCheck);
      const chartPath = join(absChartHome, chart.name);
      if (!context.isDirectory(chartPath)) {
        if (!chart.repo) throw new KustomizeError('file-not-found', `no repo specified for pull, no chart found at '${chartPath}'`, { field: 'helmCharts' });
        run(helmPullArgs(chart, absChartHome));
      }
      const valuesSource = chart.valuesFile || join(absChartHome, chart.name, 'values.yaml');
      let values: string | Uint8Array;
      if (chart.valuesInline && Object.keys(chart.valuesInline).length > 0) {
        let merged: JsonValue = chart.valuesInline;
        if (chart.valuesMerge !== 'replace') {
          const fromFile = parseYaml(new TextDecoder().decode(context.readFile(valuesSource)), valuesSource) ?? {};
          merged = chart.valuesMerge === 'override' ? mergeValues(chart.valuesInline, fromFile) : mergeValues(fromFile, chart.valuesInline);
        }
        values = emitYaml(merged);
      } else {
        values = context.readFile(valuesSource);
      }
      const valuesFile = join(tmp, `${chart.name}-kustomize-values.yaml`);
      writeFileSync(valuesFile, values);
      return run(helmTemplateArgs({ ...chart, additionalValuesFiles }, absChartHome, valuesFile));
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  };
}

/** Runs helm with kustomize's environment; a failure carries helm's stderr, as kustomize reports it. */
function runHelm(command: string, args: readonly string[], env: readonly string[]): string {
  const result = spawnSync(command, args, {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, ...Object.fromEntries(env.map((entry) => [entry.slice(0, entry.indexOf('=')), entry.slice(entry.indexOf('=') + 1)])) },
  });
  let errorOutput = result.stderr ?? '';
  if (args.includes('--debug')) errorOutput = ` Helm stack trace:\n${errorOutput}\nHelm template:\n${result.stdout ?? ''}\n`;
  const failure = result.error ? (result.error as NodeJS.ErrnoException).code === 'ENOENT' ? `fork/exec ${command}: no such file or directory` : result.error.message : result.status !== 0 ? `exit status ${result.status}` : undefined;
  if (failure !== undefined) {
    const message = `unable to run: '${command} ${args.join(' ')}' with env=[${env.join(' ')}] (is '${command}' installed?): ${failure}`;
    throw new KustomizeError('hook-failed', errorOutput ? `${errorOutput}: ${message}` : message, { field: 'helmCharts' }, result.error ? 'install helm or give its path with --helm-command' : undefined);
  }
  return result.stdout;
}

/** kustomize's `checkHelmVersion`: Helm 3 (or 4 from v5.8) is required. */
function checkHelmVersion(output: string, helm3Only: boolean): void {
  const found = /v?\d+(\.\d+)+/.exec(output)?.[0];
  if (!found) throw new KustomizeError('hook-failed', `cannot find version string in ${output}`, { field: 'helmCharts' });
  const version = found.replace(/^v/, '');
  const major = version.split('.')[0];
  if (helm3Only ? major !== '3' : major !== '3' && major !== '4') {
    throw new KustomizeError('hook-failed', helm3Only ? `this plugin requires helm V3 but got v${version}` : `this plugin requires helm V3 or V4 but got v${version}`, { field: 'helmCharts' });
  }
}

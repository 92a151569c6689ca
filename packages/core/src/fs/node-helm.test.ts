import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../pipeline/index.js';
import { errorOf } from '../test-support.js';
import { NodeFileSystem, nodeHooks, type HelmOptions } from './node.js';

/**
 * A stand-in for helm: records each call's arguments (one per line, calls split by `--`) and the values file
 * it was given, says it is v3 (or $FAKE_HELM_VERSION), unpacks a chart on `pull`, and renders one ConfigMap
 * named after the release on `template`.
 */
function fakeHelm(directory: string): string {
  const script = join(directory, 'helm');
  writeFileSync(
    script,
    `#!/bin/sh
log=${directory}/calls
for arg in "$@"; do echo "$arg" >> "$log"; done
echo -- >> "$log"
case "$1" in
  version) echo "\${FAKE_HELM_VERSION:-v3.14.2+gc309b6f}" ;;
  pull) shift 3; home="$1"; while [ $# -gt 0 ]; do case "$1" in --repo|--version) shift ;; --*) ;; *) name="\${1##*/}" ;; esac; shift; done
        mkdir -p "$home/$name"; printf 'fromChart: 1\\nshared: chart\\n' > "$home/$name/values.yaml" ;;
  template) prev=""; for arg in "$@"; do if [ "$prev" = "-f" ]; then cp "$arg" ${directory}/values.seen; fi; prev="$arg"; done
        echo "HELM_CONFIG_HOME=$HELM_CONFIG_HOME" > ${directory}/env.seen
        printf 'apiVersion: v1\\nkind: ConfigMap\\nmetadata:\\n  name: %s-config\\n' "$2" ;;
esac
`,
    { mode: 0o755 },
  );
  return script;
}

function setUp(files: Record<string, string>) {
  const root = mkdtempSync(join(tmpdir(), 'kustomize-ts-helm-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  const bin = mkdtempSync(join(tmpdir(), 'kustomize-ts-fake-helm-'));
  const helm = fakeHelm(bin);
  const run = (options: HelmOptions = {}) => build({ fs: new NodeFileSystem(), path: join(root, 'app'), hooks: nodeHooks({ remote: false, helm: { command: helm, ...options } }) });
  const calls = () =>
    readFileSync(join(bin, 'calls'), 'utf8')
      .split('--\n')
      .filter((call) => call !== '')
      .map((call) => call.trimEnd().split('\n'));
  return { root, bin, run, calls, seenValues: () => readFileSync(join(bin, 'values.seen'), 'utf8') };
}

const localChart = { 'app/charts/redis/Chart.yaml': 'name: redis\n', 'app/charts/redis/values.yaml': 'fromChart: 1\nshared: chart\n' };

// The argument lists are those kustomize v5.8.1's HelmChartInflationGenerator and HelmChart.AsHelmArgs build.
describe('helm charts through nodeHooks', () => {
  it('render a local chart with every chart option as kustomize passes it', () => {
    const kustomization = `helmCharts:
- name: redis
  releaseName: cache
  namespace: data
  nameTemplate: tmpl
  additionalValuesFiles: [extra.yaml]
  includeCRDs: true
  skipTests: true
  skipHooks: true
  apiVersions: [a/v1, b/v2]
  kubeVersion: "1.29"
  debug: true
`;
    const { root, run, calls } = setUp({ ...localChart, 'app/kustomization.yaml': kustomization, 'app/extra.yaml': 'x: 1\n' });
    expect(run().yaml).toBe('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cache-config\n');
    const [version, template] = calls();
    expect(version).toEqual(['version', '--short']);
    expect(template![8]).toMatch(/\/kustomize-helm-[^/]+\/redis-kustomize-values\.yaml$/);
    expect(template).toEqual([
      'template', 'cache', join(root, 'app/charts/redis'), '--namespace', 'data', '--name-template', 'tmpl',
      '-f', template![8], '-f', join(root, 'app/extra.yaml'),
      '--api-versions', 'a/v1', '--api-versions', 'b/v2', '--kube-version', '1.29',
      '--include-crds', '--skip-tests', '--no-hooks', '--debug',
    ]);
  });

  it('pull a repository chart into chartHome/NAME-VERSION first, and generate a name without releaseName', () => {
    const { root, run, calls } = setUp({ 'app/kustomization.yaml': 'helmGlobals:\n  chartHome: vendor\nhelmCharts:\n- name: redis\n  version: 1.2.3\n  repo: https://charts.example.com\n' });
    run();
    const home = join(root, 'app/vendor/redis-1.2.3');
    const [, pull, template] = calls();
    expect(pull).toEqual(['pull', '--untar', '--untardir', home, '--repo', 'https://charts.example.com', 'redis', '--version', '1.2.3']);
    expect(template!.slice(0, 3)).toEqual(['template', '--generate-name', join(home, 'redis')]);
  });

  it('pull an OCI chart by its full address', () => {
    const { root, run, calls } = setUp({ 'app/kustomization.yaml': 'helmCharts:\n- name: redis\n  repo: oci://registry.example.com/charts/\n' });
    run();
    expect(calls()[1]).toEqual(['pull', '--untar', '--untardir', join(root, 'app/charts'), 'oci://registry.example.com/charts/redis']);
  });

  it.each([
    ['override', 'fromChart: 1\ninline: 2\nshared: inline\n'],
    ['merge', 'fromChart: 1\ninline: 2\nshared: chart\n'],
    ['replace', 'inline: 2\nshared: inline\n'],
  ])('merge valuesInline into the values file by valuesMerge: %s', (valuesMerge, values) => {
    const { run, seenValues } = setUp({ ...localChart, 'app/kustomization.yaml': `helmCharts:\n- name: redis\n  valuesMerge: ${valuesMerge}\n  valuesInline:\n    inline: 2\n    shared: inline\n` });
    run();
    expect(seenValues()).toBe(values);
  });

  it('copy the values file as it is without valuesInline', () => {
    const { run, seenValues } = setUp({ ...localChart, 'app/mine.yaml': '# mine\nk: v\n', 'app/kustomization.yaml': 'helmCharts:\n- name: redis\n  valuesFile: mine.yaml\n' });
    run();
    expect(seenValues()).toBe('# mine\nk: v\n');
  });

  it('let --helm-api-versions, --helm-kube-version and --helm-debug win over the chart', () => {
    const { run, calls } = setUp({ ...localChart, 'app/kustomization.yaml': 'helmCharts:\n- name: redis\n  releaseName: r\n  apiVersions: [a/v1]\n  kubeVersion: "1.20"\n' });
    run({ apiVersions: ['z/v9'], kubeVersion: '1.30', debug: true });
    expect(calls()[1]!.slice(5)).toEqual(['--api-versions', 'z/v9', '--kube-version', '1.30', '--debug']);
  });

  it('use helmGlobals.configHome as HELM_CONFIG_HOME', () => {
    const { bin, run } = setUp({ ...localChart, 'app/kustomization.yaml': 'helmGlobals:\n  configHome: /tmp/helm-config\nhelmCharts:\n- name: redis\n' });
    run();
    expect(readFileSync(join(bin, 'env.seen'), 'utf8')).toBe('HELM_CONFIG_HOME=/tmp/helm-config\n');
  });

  it('check the version as kustomize v5.5.0 did: version -c --short, Helm 3 only', () => {
    const { run, calls } = setUp({ ...localChart, 'app/kustomization.yaml': 'helmCharts:\n- name: redis\n' });
    run({ kustomizeVersion: 'v5.5.0' });
    expect(calls()[0]).toEqual(['version', '-c', '--short']);
    process.env['FAKE_HELM_VERSION'] = 'v4.0.0';
    try {
      expect(errorOf(() => run({ kustomizeVersion: 'v5.5.0' })).message).toBe('this plugin requires helm V3 but got v4.0.0');
      expect(() => run()).not.toThrow();
    } finally {
      delete process.env['FAKE_HELM_VERSION'];
    }
  });

  it('fail as kustomize does without a chart or a repository, and without helm', () => {
    const { root, run } = setUp({ 'app/kustomization.yaml': 'helmCharts:\n- name: redis\n' });
    expect(errorOf(() => run()).message).toBe(`no repo specified for pull, no chart found at '${join(root, 'app/charts/redis')}'`);
    const error = errorOf(() => run({ command: '/nonexistent/helm' }));
    expect(error.message).toMatch(/^unable to run: '\/nonexistent\/helm version --short' with env=\[HELM_CONFIG_HOME=\S+\/helm HELM_CACHE_HOME=\S+\/helm\/\.cache HELM_DATA_HOME=\S+\/helm\/\.data\] \(is '\/nonexistent\/helm' installed\?\): fork\/exec \/nonexistent\/helm: no such file or directory$/);
  });
});

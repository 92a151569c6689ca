import type { Loader } from '../accumulate/loader.js';
import { parseResources } from '../accumulate/parse-resources.js';
import { KustomizeError } from '../errors.js';
import { basename } from '../fs/path.js';
import { generateConfigMap, generateSecret, mergeGenerated, mergeGeneratorOptions, type GeneratorOrigin } from '../generate/index.js';
import { getOwn, isJsonObject, withKey, type JsonValue } from '../json.js';
import type { Kustomization } from '../kustomization/types.js';
import type { Resource } from '../resource/resource.js';
import { callHook, type HelmChartContext } from './hooks.js';
import { joinOriginPath } from './origin.js';
import { runPluginGenerators } from './plugins.js';
import type { TargetContext } from './target.js';

/**
 * Runs a kustomization's builtin generators, as kustomize does: every configMapGenerator entry, then every
 * secretGenerator entry, each absorbed into `resources` in turn (create, merge or replace), then the
 * `generators:` plugins.
 */
export function runGenerators(loader: Loader, kustomization: Kustomization, resources: readonly Resource[], context: TargetContext): Resource[] {
  const loadFile = (path: string) => loader.readBytes(path);
  const origin: GeneratorOrigin | undefined =
    context.originPath === undefined ? undefined : { configuredIn: joinOriginPath(context.originPath, basename(kustomization.file)) };
  const verbose = loader.session.behaviour.verboseGeneratorMergeConflict;
  let out: Resource[] = [...resources];
  for (const args of kustomization.configMapGenerator) {
    const options = mergeGeneratorOptions(args.options, kustomization.generatorOptions);
    out = mergeGenerated(out, [generateConfigMap(args, options, loadFile, origin)], verbose);
  }
  for (const args of kustomization.secretGenerator) {
    const options = mergeGeneratorOptions(args.options, kustomization.generatorOptions);
    out = mergeGenerated(out, [generateSecret(args, options, loadFile, origin)], verbose);
  }
  out = renderHelmCharts(loader, kustomization, out, kustomization.namespace || context.inheritedNamespace);
  return runPluginGenerators(loader, kustomization, out, context);
}

/**
 * A chart entry as the build's kustomize release hands it to helm: from v5.8 a chart without a namespace takes
 * `namespace` (the kustomization's, or the nearest one above that sets one). A `helmChartInflationGenerator`
 * entry (written with `chartName`) names its namespace `releaseNamespace`.
 */
function chartWithNamespace(chart: JsonValue, namespace: string, propagates: boolean): JsonValue {
  if (!propagates || namespace === '' || !isJsonObject(chart)) return chart;
  const field = getOwn(chart, 'chartName') !== undefined ? 'releaseNamespace' : 'namespace';
  const own = getOwn(chart, field);
  return typeof own === 'string' && own !== '' ? chart : withKey(chart, field, namespace);
}

/**
 * `helmCharts:` through the caller's renderer; refused without one, since rendering needs the helm program.
 * From v5.8 the rendered resources are marked so that `namespace:` transformations leave them as helm made them.
 */
function renderHelmCharts(loader: Loader, kustomization: Kustomization, resources: Resource[], namespace: string): Resource[] {
  if (kustomization.helmCharts.length === 0) return resources;
  const render = loader.session.hooks.renderHelmChart;
  const file = loader.display(kustomization.file);
  if (!render) {
    throw new KustomizeError(
      'unsupported',
      'helmCharts needs the helm program, which kustomize-ts never runs by itself',
      { file, field: 'helmCharts' },
      'render the chart (helm template) into a resource file and list that under resources, or pass a renderHelmChart hook to build()',
    );
  }
  let out = resources;
  const context: HelmChartContext = { directory: loader.root, readFile: (path) => loader.readBytes(path), isDirectory: (path) => loader.session.fs.kind(loader.resolve(path)) === 'directory' };
  kustomization.helmCharts.forEach((chart, index) => {
    const where = { file, field: `helmCharts[${index}]` };
    const propagates = loader.session.behaviour.helmNamespacePropagation;
    const rendered = callHook('renderHelmChart', where, () => render(chartWithNamespace(chart, namespace, propagates), kustomization.helmGlobals, context), (text): text is string => typeof text === 'string', 'a string');
    const generated = parseResources(rendered, `${file} (helmCharts[${index}])`);
    out = mergeGenerated(out, propagates ? generated.map((resource) => ({ ...resource, fromHelmChart: true })) : generated, loader.session.behaviour.verboseGeneratorMergeConflict);
  });
  return out;
}

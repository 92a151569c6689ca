#!/usr/bin/env node
// Derives the compact strategic-merge schema table of @kustomize-ts/patches from the Kubernetes OpenAPI document
// that kustomize v5.5.0 builds in (v1.21.2) and kustomize's own Kustomization swagger.
//
// Usage: node scripts/openapi-facts.mjs [kubernetes-openapi.json] [kustomization-swagger.json] [output.ts]
// Defaults: ../shared/k8s-openapi/kubernetes-openapi-v1.21.2.json, ../shared/k8s-openapi/kustomization-swagger.json
// (relative to the repository root) and packages/patches/src/schema/kubernetes-1.21.2.ts.
// The table is written as JSON text in a TypeScript module: the package parses it on first use (a string loads
// faster than an object literal of the same size, and a build without strategic merges need not parse it), and
// a module needs no JSON import attribute, which Node before 20.10 does not read.
// It needs the patches package built first (`npx tsc -b packages/patches`): the extraction is the package's own
// compactOpenApi, the same code that reads users' `openapi:` documents.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const [openApiPath, kustomizePath, outputPath] = [
  process.argv[2] ?? resolve(root, '../shared/k8s-openapi/kubernetes-openapi-v1.21.2.json'),
  process.argv[3] ?? resolve(root, '../shared/k8s-openapi/kustomization-swagger.json'),
  process.argv[4] ?? resolve(root, 'packages/patches/src/schema/kubernetes-1.21.2.ts'),
];
const { compactOpenApi, typeKey } = await import(resolve(root, 'packages/patches/dist/schema/compact.js'));

const openApi = JSON.parse(readFileSync(openApiPath, 'utf8'));
const kubernetes = compactOpenApi({ definitions: openApi.definitions, paths: openApi.paths ?? {} });

// The shared document lists resource types with their scope (derived from the API paths, where kyaml looks for
// "namespaces/{namespace}"); a plain swagger document carries the paths themselves, which compactOpenApi reads.
for (const resource of openApi.resources ?? []) {
  const key = typeKey(resource.apiVersion, resource.kind);
  if (resource.scope === 'Namespaced' || resource.scope === 'Cluster') kubernetes.namespaced[key] = resource.scope === 'Namespaced';
  if (resource.definition !== undefined && kubernetes.kinds[key] !== resource.definition) {
    console.warn(`warning: ${key} is ${resource.definition} in "resources" but ${kubernetes.kinds[key]} by x-kubernetes-group-version-kind`);
  }
}

const kustomize = compactOpenApi(JSON.parse(readFileSync(kustomizePath, 'utf8')));

// One entry per line keeps diffs of the committed table readable.
const section = (name, record, last) =>
  `  ${JSON.stringify(name)}: {\n${Object.keys(record)
    .sort()
    .map((key) => `    ${JSON.stringify(key)}: ${JSON.stringify(record[key])}`)
    .join(',\n')}\n  }${last ? '' : ','}\n`;
const document = (name, facts, last) =>
  `"${name}": {\n${section('definitions', facts.definitions)}${section('kinds', facts.kinds)}${section('namespaced', facts.namespaced, true)}}${last ? '' : ','}\n`;
const about = `Derived by scripts/openapi-facts.mjs from ${openApi.sources?.map((s) => `Kubernetes ${s.kubernetesVersion} OpenAPI`).join(', ') ?? 'the Kubernetes OpenAPI'} and kustomize's Kustomization swagger. Do not edit.`;
const json = `{\n"about": ${JSON.stringify(about)},\n${document('kubernetes', kubernetes)}${document('kustomize', kustomize, true)}}\n`;
// The JSON goes into a template literal as it is, so it must hold nothing a template literal reads differently.
if (/[`\\]|\$\{/.test(json)) throw new Error('the table holds a backquote, backslash or "${": it cannot be written as a template literal');
writeFileSync(
  outputPath,
  `// ${about}\n\n/** The strategic-merge facts of the built-in schema (Kubernetes and kustomize documents), as JSON text. */\n` +
    `export const builtinTableJson = \`${json}\`;\n`,
);
console.log(
  `wrote ${outputPath}: ${Object.keys(kubernetes.definitions).length} definitions, ${Object.keys(kubernetes.kinds).length} kinds, ` +
    `${Object.keys(kubernetes.namespaced).length} scoped kinds, ${Object.keys(kustomize.definitions).length} kustomize definitions`,
);

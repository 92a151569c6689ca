#!/usr/bin/env node
// Writes a CRD-heavy kustomization tree for the benchmark (issue 16), shaped like the CRDs of argo-workflows,
// kserve and cluster-api: C CustomResourceDefinitions with deep openAPIV3Schema trees whose descriptions are
// long, written as controller-gen writes them (folded plain scalars over several lines, `|-` block scalars
// with indented examples, quoted strings), in files of 1–3 MiB, plus a small overlay that labels, prefixes
// and sets a namespace. The same options and seed always write the same bytes.
//
//   node bench/generate-crd-tree.mjs OUT_DIR [--crds C] [--seed S]
//
// The tree to build is OUT_DIR/overlay; about 1.5 MiB of output per CRD (C = 8 by default: about 12 MB).
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { seededRandom } from './generate-tree.mjs';

const words = ['the', 'container', 'image', 'policy', 'resource', 'name', 'must', 'be', 'a', 'valid', 'DNS', 'label', 'that', 'selects', 'pods', 'when', 'set', 'field', 'is', 'ignored', 'defaults', 'to', 'of', 'and', 'or', 'more', 'info', 'https://kubernetes.io/docs/concepts', 'value', 'specified', 'template', 'workflow', 'step', 'inference', 'service', 'cluster'];

/** A description of `count` words, as lines of about 80 columns starting at `indent`. */
function sentenceLines(random, count, indent) {
  const lines = [];
  let line = '';
  for (let index = 0; index < count; index += 1) {
    const word = random.pick(words);
    if (line.length + word.length + indent > 80 && line !== '') {
      lines.push(line);
      line = '';
    }
    line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(`${line}.`);
  return lines;
}

/** The `description:` lines of a schema node at `indent`, in one of controller-gen's styles. */
function description(random, indent) {
  const pad = ' '.repeat(indent);
  const style = random.int(0, 5);
  if (style === 0) return [`${pad}description: ${random.pick(words)} ${random.pick(words)} ${random.pick(words)}`];
  if (style <= 2) {
    // A plain scalar folded over several lines, continuation lines two columns in.
    const [first, ...rest] = sentenceLines(random, random.int(20, 70), indent + 2);
    return [`${pad}description: ${first}`, ...rest.map((line) => `${pad}  ${line}`)];
  }
  if (style <= 4) {
    // A literal block with a paragraph break and an indented example.
    const body = [...sentenceLines(random, random.int(15, 50), indent + 2), '', ...sentenceLines(random, random.int(10, 30), indent + 2), '', '  kind: Example', '  spec: {}'];
    return [`${pad}description: |-`, ...body.map((line) => (line === '' ? '' : `${pad}  ${line}`))];
  }
  return [`${pad}description: "${sentenceLines(random, random.int(5, 15), 0).join(' ').replaceAll('"', '\\"')}\\n"`];
}

/** The lines of a schema object at `indent` with `breadth` properties, nested `depth` more levels. */
function schema(random, indent, depth, breadth) {
  const pad = ' '.repeat(indent);
  const lines = [...description(random, indent), `${pad}properties:`];
  for (let index = 0; index < breadth; index += 1) {
    const name = `${random.pick(words).replace(/\W/g, '')}${index}`;
    lines.push(`${pad}  ${name}:`);
    // Two nested properties (an object, a list of objects) a level, the rest leaves: sizes stay predictable.
    const kind = depth > 0 && index < 2 ? index : random.int(2, 3);
    if (kind === 0) lines.push(...schema(random, indent + 4, depth - 1, breadth), `${pad}    type: object`);
    else if (kind === 1) {
      lines.push(...description(random, indent + 4), `${pad}    items:`, ...schema(random, indent + 6, depth - 1, Math.max(2, breadth - 2)), `${pad}      type: object`, `${pad}    type: array`);
      if (random.int(0, 1) === 0) lines.push(`${pad}    x-kubernetes-list-type: atomic`);
    } else if (kind === 2) lines.push(...description(random, indent + 4), `${pad}    additionalProperties:`, `${pad}      type: string`, `${pad}    type: object`);
    else {
      lines.push(...description(random, indent + 4), `${pad}    type: ${random.pick(['string', 'integer', 'boolean', 'string'])}`);
      if (random.int(0, 3) === 0) lines.push(`${pad}    enum:`, `${pad}    - Always`, `${pad}    - IfNotPresent`, `${pad}    - Never`);
      if (random.int(0, 4) === 0) lines.push(`${pad}    format: int32`, `${pad}    x-kubernetes-int-or-string: true`);
    }
  }
  lines.push(`${pad}required:`, `${pad}- ${random.pick(words).replace(/\W/g, '')}0`);
  return lines;
}

function crd(random, index) {
  const plural = `widgets${index}`;
  return [
    '---',
    'apiVersion: apiextensions.k8s.io/v1',
    'kind: CustomResourceDefinition',
    'metadata:',
    '  annotations:',
    '    controller-gen.kubebuilder.io/version: v0.16.1',
    `  name: ${plural}.bench.example.com`,
    'spec:',
    '  group: bench.example.com',
    '  names:',
    `    kind: Widget${index}`,
    `    listKind: Widget${index}List`,
    `    plural: ${plural}`,
    `    shortNames: [w${index}, wd${index}]`,
    `    singular: widget${index}`,
    '  scope: Namespaced',
    '  versions:',
    '  - additionalPrinterColumns:',
    '    - jsonPath: .status.phase',
    '      name: Phase',
    '      type: string',
    '    name: v1alpha1',
    '    schema:',
    '      openAPIV3Schema:',
    ...schema(random, 8, 8, 7),
    '        type: object',
    '    served: true',
    '    storage: true',
    '    subresources:',
    '      status: {}',
    '',
  ].join('\n');
}

/** Writes the tree; returns its build path, number of files and bytes. */
export function generateCrdTree({ dir, crds = 8, seed = 1 }) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'base'), { recursive: true });
  mkdirSync(join(dir, 'overlay'), { recursive: true });
  const random = seededRandom(seed);
  const files = [];
  let bytes = 0;
  // Files of one CRD and of two in turn: about 1.4 and 2.8 MiB.
  for (let index = 0; index < crds; ) {
    const name = `crds-${String(files.length).padStart(2, '0')}.yaml`;
    const count = files.length % 2 === 0 || index + 1 === crds ? 1 : 2;
    let text = '';
    for (const last = index + count; index < last; index += 1) text += crd(random, index);
    writeFileSync(join(dir, 'base', name), text);
    files.push(name);
    bytes += text.length;
  }
  const base = `resources:\n${files.map((file) => `- ${file}`).join('\n')}\n`;
  const overlay = 'resources:\n- ../base\nnamePrefix: bench-\nlabels:\n- pairs:\n    app.kubernetes.io/part-of: bench\ncommonAnnotations:\n  bench.example.com/generated: "true"\n';
  writeFileSync(join(dir, 'base', 'kustomization.yaml'), base);
  writeFileSync(join(dir, 'overlay', 'kustomization.yaml'), overlay);
  return { buildPath: join(dir, 'overlay'), files: files.length + 2, bytes: bytes + base.length + overlay.length };
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [dir, ...rest] = process.argv.slice(2);
  if (dir === undefined) throw new Error('usage: node bench/generate-crd-tree.mjs OUT_DIR [--crds C] [--seed S]');
  const option = (name, fallback) => {
    const at = rest.indexOf(name);
    return at === -1 ? fallback : Number(rest[at + 1]);
  };
  const tree = generateCrdTree({ dir: resolve(dir), crds: option('--crds', 8), seed: option('--seed', 1) });
  console.log(`${tree.files} files, ${(tree.bytes / 1048576).toFixed(1)} MiB; build ${tree.buildPath}`);
}

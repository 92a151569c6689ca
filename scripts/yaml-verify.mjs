#!/usr/bin/env node
// Dev check for packages/core/src/yaml: compares our parse + emit with `kubectl kustomize`.
//   node scripts/yaml-verify.mjs emit [runs] [seed]   generated JSON values (fast-check) as resources
//   node scripts/yaml-verify.mjs yaml [runs] [seed]   generated YAML text (scalars, styles, anchors)
//   node scripts/yaml-verify.mjs conformance          re-emitting every shared conformance `expected`
//   node scripts/yaml-verify.mjs corpus               every resource file of the shared conformance cases
//   node scripts/yaml-verify.mjs files DIR            every *.yaml / *.yml file under DIR (but kustomization files)
//   node scripts/yaml-verify.mjs sigs [runs] [seed]   generated YAML as JSON 6902 patch values (sigs.k8s.io/yaml reading)
// Each resource is written to a temp dir with `kustomization.yaml` (`resources: [r.yaml]`) and built
// with kubectl; our result is emitDocuments(parseYamlDocuments(input)). Errors match errors.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import fc from 'fast-check';
import ts from 'typescript';

const root = fileURLToPath(new URL('..', import.meta.url));
const [mode = 'emit', runsArg = '200', seedArg] = process.argv.slice(2);
const runs = Number(runsArg);
const seed = seedArg === undefined ? Date.now() % 1_000_000 : Number(seedArg);

/** Transpiles core's yaml folder (and what it imports) to a temp dir and imports it. */
async function loadYamlModule() {
  const out = mkdtempSync(join(tmpdir(), 'yaml-verify-js-'));
  const src = join(root, 'packages/core/src');
  const files = [...readdirSync(join(src, 'yaml')).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts')).map((f) => join(src, 'yaml', f)), join(src, 'errors.ts'), join(src, 'json.ts')];
  for (const file of files) {
    const { outputText } = ts.transpileModule(readFileSync(file, 'utf8'), { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } });
    const target = join(out, relative(src, file)).replace(/\.ts$/, '.js');
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, outputText);
  }
  // Bare `yaml` imports resolve from the temp dir through a link to the workspace's node_modules.
  spawnSync('ln', ['-s', join(root, 'node_modules'), join(out, 'node_modules')]);
  return import(pathToFileURL(join(out, 'yaml', 'index.js')).href);
}

const { parseYamlDocuments, parseYaml, emitDocuments } = await loadYamlModule();
const work = mkdtempSync(join(tmpdir(), 'yaml-verify-'));
writeFileSync(join(work, 'kustomization.yaml'), 'resources: [r.yaml]\n');

function kubectl(text) {
  writeFileSync(join(work, 'r.yaml'), text);
  const result = spawnSync('kubectl', ['kustomize', work], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return result.status === 0 ? { ok: true, out: result.stdout } : { ok: false, out: result.stderr.trim().split('\n').slice(-3).join(' ') };
}

function ours(text) {
  try {
    return { ok: true, out: emitDocuments(parseYamlDocuments(text, 'r.yaml').filter((d) => d !== null)) };
  } catch (error) {
    return { ok: false, out: String(error?.message ?? error) };
  }
}

/** JSON text that libyaml's reader accepts: characters it refuses raw are written as escapes. */
function yamlSafeJson(value) {
  return JSON.stringify(value).replace(/[\u007f-\u009f\ufffe\uffff\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function resource(index, body) {
  return `{"apiVersion":"test.example/v1","kind":"Thing","metadata":{"name":"t${String(index).padStart(5, '0')}"},${body}}`;
}

let failures = 0;
let compared = 0;
let bothFailed = 0;
function report(input, expected, actual) {
  failures++;
  if (failures > 15) return;
  console.log('--- MISMATCH ---');
  console.log('input:   ', JSON.stringify(input).slice(0, 600));
  console.log('kubectl: ', JSON.stringify(expected).slice(0, 1200));
  console.log('ours:    ', JSON.stringify(actual).slice(0, 1200));
}

/** Builds the documents in batches; a failing batch is retried one document at a time. */
function checkDocuments(documents) {
  const batchSize = 40;
  for (let start = 0; start < documents.length; start += batchSize) {
    const batch = documents.slice(start, start + batchSize);
    const text = batch.join('\n---\n') + '\n';
    const expected = kubectl(text);
    if (expected.ok) {
      compared += batch.length;
      const actual = ours(text);
      if (!actual.ok || actual.out !== expected.out) {
        // Find the document that differs.
        for (const doc of batch) compareOne(doc + '\n');
      }
    } else {
      for (const doc of batch) compareOne(doc + '\n');
    }
  }
}

function compareOne(text) {
  compared++;
  const expected = kubectl(text);
  const actual = ours(text);
  if (!expected.ok && !actual.ok) {
    bothFailed++;
    if (process.env.SHOW_REJECTED && bothFailed <= Number(process.env.SHOW_REJECTED)) console.log(`both rejected:\n  kubectl: ${expected.out.slice(-300)}\n  ours:    ${actual.out}`);
  }
  if (expected.ok !== actual.ok || (expected.ok && expected.out !== actual.out)) report(text, expected.ok ? expected.out : `ERROR ${expected.out}`, actual.ok ? actual.out : `ERROR ${actual.out}`);
}

// ---- generators ----

const trickyChars = [' ', ' ', ' ', '\n', '\n', '\t', ':', '#', '-', '?', "'", '"', '\\', '*', '&', '!', '|', '>', '%', '@', '`', ',', '[', ']', '{', '}', '.', '~', '_', '+', '=', '/', '0', '1', '9', 'e', 'E', 'x', 'b', 'o', 'y', 'n', 'a', 'Z', 'é', 'ß', '中', '😀', '\u0085', '\u2028', '\u00a0', '\ufeff', '\r', '\u0000', '\u001b', '\u0007', '\u007f', '\u0080', '\ufffd', 'Ω', '٣'];
const words = ['yes', 'no', 'on', 'off', 'y', 'n', 'Y', 'N', 'true', 'False', 'TRUE', 'null', 'Null', '~', '', '.inf', '-.Inf', '.nan', '1e3', '0x1F', '0o17', '0b101', '012', '08', '1_000', '+1', '-0', '1.', '.5', '1:20', '190:20:30', '12:30:00', '2001-12-14', '2001-12-14t21:59:43.10-05:00', '2001-12-14 21:59:43.10', '---', '...', '- a', '-a', ': a', 'a: b', 'a #b', 'a#b', '#a', '&a', '*a', '!a', '%a', '@a', '`a', '|', '>', "'", '"', '<<', '=', 'a\n', '\n', '\n\n', ' a', 'a ', 'a \nb', 'a\n b', 'a\n\nb\n\n', '\ta', 'x\u0085y', 'x \u0085\u0085 y', 'x\u0085'];
const trickyString = fc.oneof(
  { weight: 3, arbitrary: fc.array(fc.constantFrom(...trickyChars), { maxLength: 12 }).map((a) => a.join('')) },
  { weight: 2, arbitrary: fc.constantFrom(...words) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...words), fc.constantFrom(...words)).map(([a, b]) => a + b) },
  { weight: 1, arbitrary: fc.array(fc.oneof(fc.constantFrom('lorem', 'ipsum', 'a', 'dolor', 'x'.repeat(30), '  ', ' #', ': '), fc.constant(' ')), { minLength: 10, maxLength: 60 }).map((a) => a.join(' ')) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }).filter((s) => !/\p{Cs}/u.test(s)) },
  { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
);
const keyString = fc.oneof(trickyString, fc.constantFrom('a1', 'a10', 'a9', 'a01', 'a001', 'b', 'B', '_a', '1', '10', '9', '09', 'x-1', 'x.1', 'é', 'Ω1', '٣', 'z'), fc.string({ unit: fc.constantFrom('a', 'b', '0', '1', '9', '-', '.', '_', 'é'), maxLength: 6 }));
const number = fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(0, 1.5, 1e21, 1e20, 123456789012, 1234567.5, 0.00001, 0.0001, 100000.5, 1e-7, 2 ** 53, 2 ** 63, 2 ** 64, -(2 ** 63), 1.7976931348623157e308, 5e-324));
const json = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, fc.constant(null), fc.boolean(), number, trickyString, trickyString, tie('array'), tie('object')),
  array: fc.array(tie('value'), { maxLength: 5 }),
  object: fc.dictionary(keyString, tie('value'), { maxKeys: 6 }),
})).value;

function emitMode() {
  const values = fc.sample(json, { numRuns: runs, seed });
  const documents = values.map((value, index) => resource(index, `"x":${yamlSafeJson(value)}`));
  checkDocuments(documents);
}

// YAML text: scalars in every style, with tags, inside block and flow collections, anchors.
const printable = (text) => !/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\ufffe\uffff\u2028\u2029\u0085\r]/.test(text);
const plainScalar = fc.oneof(
  fc.constantFrom(...words.filter((w) => w !== '' && !/[\n\t'"#\u0085]|^[-?:,[\]{}&*!|>%@`]|: | $|^ |^---|^\.\.\./.test(w))),
  fc.constantFrom('1', '-1', '0', '007', '0x_1', '1__0', '1e400', '1e-400', '.5_5', '1_0.5', '0b-1', '-0b11', '0o-7', '9007199254740991', '2001-02-30', '2001-1-2', '0001-01-01', '2001-12-14   21:59:43', '2001-12-14T24:00:00Z', '2001-12-14T21:59:43.123456789123Z', '2001-12-14T21:59:43+24:00', 'True', 'tRue', 'NULL', 'nULL', '.NaN', '+.inf', '1.0', '-.5e-3', '+12_3', '0.', '0x1p3', 'Yes', 'ON', 'a b  c', 'a#b', 'é ü', '😀'),
);
const singleLine = trickyString.filter((t) => printable(t) && !t.includes('\n'));
const doubleQuoted = (t) => JSON.stringify(t).replace(/\\u00([0-9a-f]{2})/g, '\\x$1').replace(/\u2028/g, '\\L').replace(/\u2029/g, '\\P').replace(/\u0085/g, '\\N');
const singleQuoted = (t) => `'${t.replace(/'/g, "''")}'`;
const quotedKey = fc.oneof(singleLine.map(doubleQuoted), singleLine.filter((t) => !t.includes('\t')).map(singleQuoted));
const quotedValue = fc.oneof(
  trickyString.map(doubleQuoted),
  trickyString.filter(printable).map((t) => singleQuoted(t).replace(/\n/g, '\n\n      ')),
  fc.constantFrom('"a\\\n      b"', '"a \\\n      b"', '"\\tx\\ y"', '"\\N\\_\\L\\P"', '"a\n\n      b\n       c"', "'a\n      b'", '"\\x41\\u00e9\\U0001F600"', '"\\/"', '"\\\'"', '"a\tb"', '"\\uD800"'),
);
const tag = fc.oneof({ weight: 12, arbitrary: fc.constant('') }, { weight: 1, arbitrary: fc.constantFrom('!!str ', '!!int ', '!!float ', '!!bool ', '!!null ', '!!timestamp ', '!custom ', '! ', '!!binary ') });
const blockScalar = fc.tuple(
  fc.constantFrom('|', '>', '|-', '>-', '|+', '>+', '|2', '>1-', '|4', '|2+', '>-2', '| # comment', '>+ # c'),
  fc.array(fc.constantFrom('text', '  more', '', 'a b', ' lead', 'trail ', '# no', 'x\ty', '\tx', '   ', 'long line with words '.repeat(6), '---', '...', '- item', 'k: v'), { minLength: 1, maxLength: 5 }),
  fc.constantFrom('', '\n', '\n\n', '\n      \n'),
).map(([h, lines, tail]) => `${h}\n${lines.map((l) => (l === '' ? '' : `      ${l}`)).join('\n')}${tail || '\n'}`);
const plainMultiline = fc.constantFrom('a\n      b', 'a\n\n      b', 'a  \n      b  c', 'a\n      # not a comment?\n      b', 'x # comment', 'x\t# tab comment', 'a:b\n      c', 'word\n\n\n      word');
const collection = fc.oneof({ weight: 8, arbitrary: fc.constantFrom('[a, b, {c: d}]', '{a: 1, b: [x]}', '[a,\n      b, c\n      ]', '{ a: 1,\n      b: 2 }', '\n      - a\n      - - b\n        - c\n      - ? k\n        : v', '\n      ? x\n      : y\n      ? [a]\n      : z', '\n      &k1 key: *anc\n      *k1 : other', '!!map {a: 1}', '!!seq [1]', '!custom {a: 1}', '&a3 !!map {x: 1}', '\n      # comment\n      a: 1 # trailing\n      b: # empty\n      c: [1, # one\n        2]', '[]', '{}', '&anc2 [1, 2]', '*anc', '&m2 {p: 1, q: 2}', '{<<: *m, q: 3}', '{<<: [*m, {r: 4}], p: 0}', '{"<<": 1, a: 2}', '', '[a, [b, [c]]]', '{? a, b: }', '[*m, *m]', '{a: {"b": c}}', '[a, , b]', '{a: [b, c], d: }', '\n      - x\n      -\n      - ? y\n      - z: &z\n        w: *z') }, { weight: 1, arbitrary: fc.constantFrom('{<<: *anc}', '{a: 1, a: 2}', '{1: a}') });

function yamlMode() {
  const value = fc.oneof(fc.tuple(tag, fc.oneof(plainScalar, plainScalar, quotedValue, blockScalar, plainMultiline)).map(([t, v]) => t + v), collection);
  const stringKey = plainScalar.filter((k) => /^[a-zA-Z]/.test(k) && !/^(y|n|yes|no|on|off|true|false|null)$/i.test(k));
  const entry = fc.tuple(fc.oneof({ weight: 1, arbitrary: plainScalar }, { weight: 3, arbitrary: stringKey }, { weight: 6, arbitrary: quotedKey }), value);
  const docs = fc.sample(fc.array(entry, { minLength: 1, maxLength: 4 }), { numRuns: runs, seed });
  const documents = docs.map((entries, index) => {
    const body = entries.map(([key, v], i) => `  f${i}:\n    ${key}: ${v}`);
    const anchors = '  anchors:\n    a: &anc [1, 2]\n    m: &m {p: 1, q: 2}';
    return `apiVersion: test.example/v1\nkind: Thing\nmetadata:\n  name: t${String(index).padStart(5, '0')}\ndata:\n${anchors}\n${body.join('\n')}`;
  });
  checkDocuments(documents);
}

/** A JSON 6902 patch adding a generated YAML value: kustomize reads it with sigs.k8s.io/yaml. */
function sigsMode() {
  // After a JSON 6902 patch kustomize re-encodes the resource from Go maps, where a "<<" key comes
  // back as a merge key: that belongs to the patch transformer, not to reading YAML.
  const value = fc.oneof(fc.tuple(tag, fc.oneof(plainScalar, plainScalar, quotedValue, blockScalar)).map(([t, v]) => t + v), collection.filter((c) => !c.includes('"<<"')));
  const anyKey = fc.oneof(plainScalar, quotedKey, fc.constantFrom('y', 'n', 'yes', 'on', '1', '1.5', '0x10', 'true', '~', '2001-12-14'));
  const samples = fc.sample(fc.array(fc.tuple(anyKey, value), { minLength: 1, maxLength: 4 }), { numRuns: runs, seed });
  writeFileSync(join(work, 'r.yaml'), 'apiVersion: test.example/v1\nkind: Thing\nmetadata:\n  name: t\n');
  writeFileSync(join(work, 'kustomization.yaml'), 'resources: [r.yaml]\npatches:\n- path: patch.yaml\n  target: {kind: Thing}\n');
  for (const entries of samples) {
    const body = entries.map(([key, v], i) => `      f${i}:\n        ${key}: ${v.replace(/\n      /g, '\n          ')}`).join('\n');
    const patch = `- op: add\n  path: /v\n  value:\n    anchors:\n      a: &anc [1, 2]\n      m: &m {p: 1, q: 2}\n    fields:\n${body}\n`;
    writeFileSync(join(work, 'patch.yaml'), patch);
    const result = spawnSync('kubectl', ['kustomize', work], { encoding: 'utf8' });
    let actual;
    try {
      const [operation] = parseYaml(patch, 'patch.yaml', { dialect: 'sigs-yaml' });
      actual = { ok: true, out: emitDocuments([{ apiVersion: 'test.example/v1', kind: 'Thing', metadata: { name: 't' }, v: operation.value }]) };
    } catch (error) {
      actual = { ok: false, out: String(error?.message ?? error) };
    }
    compared++;
    const expected = result.status === 0 ? { ok: true, out: result.stdout } : { ok: false, out: result.stderr.slice(-300) };
    if (!expected.ok && !actual.ok) bothFailed++;
    else if (expected.ok !== actual.ok || expected.out !== actual.out) report(patch, expected.ok ? expected.out : `ERROR ${expected.out}`, actual.ok ? actual.out : `ERROR ${actual.out}`);
  }
}

function conformanceMode() {
  const dir = join(root, '..', 'shared', 'conformance', 'cases');
  let total = 0;
  for (const name of readdirSync(dir)) {
    const testCase = JSON.parse(readFileSync(join(dir, name), 'utf8'));
    if (testCase.expected === null || testCase.expected === undefined) continue;
    total++;
    const actual = ours(testCase.expected);
    if (!actual.ok || actual.out !== testCase.expected) report(testCase.id, testCase.expected, actual.ok ? actual.out : `ERROR ${actual.out}`);
  }
  compared = total;
}

/** Each YAML file of the conformance cases built alone as a resource; documents compared as a set (kustomize reorders them). */
function corpusMode() {
  const dir = join(root, '..', 'shared', 'conformance', 'cases');
  const seen = new Set();
  for (const name of readdirSync(dir)) {
    const testCase = JSON.parse(readFileSync(join(dir, name), 'utf8'));
    for (const [path, text] of Object.entries(testCase.files)) {
      if (!/\.ya?ml$/.test(path) || /(^|\/)kustomization\.ya?ml$/.test(path) || seen.has(text)) continue;
      seen.add(text);
      compareResourceFile(`${testCase.id} ${path}`, text);
    }
  }
}

function filesMode(dir) {
  const walk = (path) => readdirSync(path, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? walk(join(path, entry.name)) : [join(path, entry.name)]));
  for (const file of walk(dir)) {
    if (!/\.ya?ml$/.test(file) || /(^|\/)kustomization\.ya?ml$/.test(file)) continue;
    compareResourceFile(file, readFileSync(file, 'utf8'));
  }
}

/** A file built alone as a resource; documents compared as a set, since kustomize reorders them. */
function compareResourceFile(name, text) {
  // kustomize inlines List kinds and drops local configuration: not this module's business.
  if (/kind:\s*\S*List\b|local-config/.test(text)) return;
  const expected = kubectl(text);
  if (!expected.ok) return;
  compared++;
  let actual;
  try {
    actual = parseYamlDocuments(text, name).filter((d) => d !== null).map((d) => emitDocuments([d])).sort().join('---\n');
  } catch (error) {
    actual = `ERROR ${error.message}`;
  }
  const want = expected.out.split(/^---\n/m).sort().join('---\n');
  if (actual !== want) report(name, want, actual);
}

if (mode === 'emit') emitMode();
else if (mode === 'corpus') corpusMode();
else if (mode === 'files') filesMode(runsArg);
else if (mode === 'sigs') sigsMode();
else if (mode === 'yaml') yamlMode();
else if (mode === 'conformance') conformanceMode();
else throw new Error(`unknown mode ${mode}`);
rmSync(work, { recursive: true, force: true });
console.log(`yaml-verify ${mode}: seed ${seed}, ${compared} documents compared (${bothFailed} rejected by both), ${failures} mismatches`);
process.exit(failures === 0 ? 0 : 1);

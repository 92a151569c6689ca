#!/usr/bin/env node
// Runs the shared Flux conformance cases (../shared/flux-conformance: build, generator, envsubst, export,
// kstatus) against @kustomize-ts/flux and prints the counts per category, then
// `flux-conformance: P passed, F failed of N`. Without ../shared it says so and succeeds.
// Usage: node scripts/flux-conformance.mjs [--verbose] [--only SUBSTRING]
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const sharedDir = join(root, '..', 'shared', 'flux-conformance');
const categories = ['build', 'generator', 'envsubst', 'export', 'kstatus'];
/** The instant used for cases that carry no clock of their own. */
const defaultNow = '2024-01-01T00:00:00Z';

/** A file system over a record of files plus empty directories, for the cases' input trees. */
function caseFileSystem(core, files, dirs, base) {
  const memory = new core.MemoryFileSystem(Object.fromEntries(Object.entries(files).map(([path, text]) => [`${base}/${path}`, text])));
  const extra = new Set();
  for (const dir of dirs ?? []) {
    let path = cleanAbsolute(`${base}/${dir}`);
    while (path !== '/' && !extra.has(path)) {
      extra.add(path);
      path = path.slice(0, path.lastIndexOf('/')) || '/';
    }
  }
  if (memory.kind(base) === undefined) extra.add(base);
  const childrenOf = (path) =>
    [...extra].filter((dir) => dir !== path && (dir.slice(0, dir.lastIndexOf('/')) || '/') === path).map((dir) => dir.slice(dir.lastIndexOf('/') + 1));
  return {
    kind: (path) => memory.kind(path) ?? (extra.has(path) ? 'directory' : undefined),
    readFile: (path) => memory.readFile(path),
    readDir: (path) => {
      const own = memory.kind(path) === 'directory' ? memory.readDir(path) : [];
      if (!extra.has(path) && memory.kind(path) !== 'directory') return memory.readDir(path);
      return [...new Set([...own, ...childrenOf(path)])];
    },
    realPath: (path) => path,
  };
}

function cleanAbsolute(path) {
  const parts = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') parts.pop();
    else parts.push(segment);
  }
  return `/${parts.join('/')}`;
}

/** The value at `path` (keys and indices) of a JSON value. */
function at(value, path) {
  let current = value;
  for (const key of path) {
    if (current === null || current === undefined) return undefined;
    current = current[key];
  }
  return current;
}

/** JSON equality, key order ignored. */
function canonical(value) {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.keys(value).sort().map((key) => [key, canonical(value[key])]));
  return value;
}
const deepEqual = (a, b) => JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));

/** Checks one field assertion; returns a complaint or nothing. */
function checkField(objects, assertion) {
  const value = at(objects[assertion.object ?? 0], assertion.path);
  const where = `${assertion.object ?? 0}:${assertion.path.join('.')}`;
  if ('equals' in assertion && !deepEqual(value, assertion.equals)) return `${where} is ${JSON.stringify(value)}, expected ${JSON.stringify(assertion.equals)}`;
  if ('contains' in assertion) {
    const ok = typeof value === 'string' ? value.includes(assertion.contains) : Array.isArray(value) && value.some((item) => deepEqual(item, assertion.contains));
    if (!ok) return `${where} (${JSON.stringify(value)}) does not contain ${JSON.stringify(assertion.contains)}`;
  }
  if (assertion.absent && value !== undefined && value !== null) return `${where} is present`;
  if (assertion.isEmpty && !(value === undefined || value === null || (Array.isArray(value) && value.length === 0) || (typeof value === 'object' && Object.keys(value).length === 0) || value === '')) {
    return `${where} is not empty`;
  }
  return undefined;
}

/** Compares a thrown error with `expectedError`. */
function checkError(error, expected) {
  if (!expected) return `unexpected error: ${error.message}`;
  if (expected.match === 'any') return undefined;
  if (expected.match === 'exact') return error.message === expected.text ? undefined : `error ${JSON.stringify(error.message)}, expected ${JSON.stringify(expected.text)}`;
  return error.message.includes(expected.text) ? undefined : `error ${JSON.stringify(error.message)} does not contain ${JSON.stringify(expected.text)}`;
}

/** Runs `produce` and judges its result with `judge`, or its error against the case's expectedError. */
function outcome(testCase, produce, judge) {
  let result;
  try {
    result = produce();
  } catch (error) {
    if (!(error instanceof Error)) throw error;
    return checkError(error, testCase.expectedError);
  }
  if (testCase.expectedError) return `expected an error (${testCase.expectedError.text ?? 'any'}), got a result`;
  return judge(result);
}

function envsubstCase(libs, testCase) {
  const { flux } = libs;
  return outcome(
    testCase,
    () => {
      switch (testCase.kind) {
        case 'eval':
          return flux.evalEnvsubst(testCase.input, flux.lookupIn(testCase.env, testCase.strict));
        case 'cli': {
          const lines = testCase.input.split('\n');
          if (lines[lines.length - 1] === '') lines.pop();
          return lines.map((line) => `${flux.evalEnvsubst(line, flux.lookupIn(testCase.env, testCase.strict))}\n`).join('');
        }
        case 'parse':
          return flux.parseEnvsubst(testCase.input);
        case 'function':
          return testCase.operators.map((operator) => flux.applyEnvsubstFunction(operator, testCase.value, testCase.args));
        default:
          throw new Error(`unknown envsubst case kind ${testCase.kind}`);
      }
    },
    (result) => {
      if (testCase.kind === 'parse') return deepEqual(result, testCase.expectedAst) ? undefined : `tree ${JSON.stringify(result)}`;
      if (testCase.kind === 'function') {
        const wrong = result.findIndex((value) => value !== testCase.expected);
        return wrong < 0 ? undefined : `operator ${testCase.operators[wrong]} gave ${JSON.stringify(result[wrong])}`;
      }
      return result === testCase.expected ? undefined : `got ${JSON.stringify(result)}`;
    },
  );
}

function kstatusCase(libs, testCase) {
  const { flux, core } = libs;
  return outcome(
    testCase,
    () => flux.computeStatus(core.parseYaml(testCase.object, 'object.yaml', { dialect: 'sigs-yaml' }), { now: new Date(testCase.now ?? defaultNow) }),
    (result) => {
      const expected = testCase.expected;
      if (result.status !== expected.status) return `status ${result.status}, expected ${expected.status}`;
      if (expected.conditions) {
        const got = result.conditions.map(({ type, status, reason }) => ({ type, status, reason }));
        if (!deepEqual(got, expected.conditions)) return `conditions ${JSON.stringify(got)}`;
      }
      const present = (expected.absentConditionTypes ?? []).filter((type) => result.conditions.some((condition) => condition.type === type));
      return present.length > 0 ? `conditions ${present.join(', ')} present` : undefined;
    },
  );
}

function exportCase(libs, testCase) {
  const { flux, core } = libs;
  return outcome(
    testCase,
    () => {
      if (testCase.kind === 'create') return flux.runCreate(testCase.args.slice(1)).stdout;
      const object = core.parseYaml(testCase.clusterObjects[0], 'object.yaml', { dialect: 'sigs-yaml' });
      const exported = object.kind === 'Kustomization' ? flux.exportKustomization(flux.readKustomization(object)) : flux.exportGitRepository(flux.readGitRepository(object));
      return flux.printExport(exported);
    },
    (result) => (result === testCase.expected ? undefined : `got ${JSON.stringify(result)}`),
  );
}

/** flux2's `build kustomization` command checks and build, for one build case. */
function fluxBuildCommand(libs, testCase) {
  const { flux, core } = libs;
  const { args } = testCase;
  const cwd = '/cwd';
  if (!args.path) throw new Error(`invalid resource path ${JSON.stringify(args.path ?? '')}`);
  const fs = caseFileSystem(core, testCase.files, testCase.dirs, cwd);
  const path = cleanAbsolute(`${cwd}/${args.path}`);
  if (fs.kind(path) !== 'directory') throw new Error(`invalid resource path ${JSON.stringify(path)}`);
  const fromFile = testCase.kustomizationSource === 'file';
  const kustomizationFile = args.kustomizationFile ?? (fromFile ? '<kustomization-file>' : null);
  if (args.dryRun && kustomizationFile === null) throw new Error('dry-run mode requires a kustomization file');
  if (args.kustomizationFile !== null && args.kustomizationFile !== undefined) throw new Error(`invalid kustomization file ${JSON.stringify(args.kustomizationFile)}`);
  const kustomization = fromFile
    ? flux.selectKustomization(testCase.kustomization, args.name, args.namespace, kustomizationFile)
    : flux.selectKustomization(testCase.kustomization, args.name, args.namespace, 'cluster');
  const localSources = Object.fromEntries(Object.entries(args.localSources ?? {}).map(([key, dir]) => [key, cleanAbsolute(`${cwd}/${dir}`)]));
  return flux.fluxBuild({
    fs,
    path,
    kustomization,
    ignorePaths: args.ignorePaths ?? [],
    dryRun: args.dryRun,
    strictSubstitute: args.strictSubstitute,
    recursive: args.recursive,
    localSources,
    ...(args.inMemoryBuild && { root: cwd }),
  });
}

function buildCase(libs, testCase) {
  const { flux, core } = libs;
  switch (testCase.kind) {
    case 'build':
      return outcome(
        testCase,
        () => fluxBuildCommand(libs, testCase),
        (result) => {
          if (typeof testCase.expected === 'string') return result.yaml === testCase.expected ? undefined : `got ${JSON.stringify(result.yaml).slice(0, 400)}`;
          const expected = testCase.expectedObjects;
          if (expected.minCount !== undefined && result.objects.length < expected.minCount) return `${result.objects.length} objects`;
          for (const assertion of expected.fields ?? []) {
            const complaint = checkField(result.objects, assertion);
            if (complaint) return complaint;
          }
          return undefined;
        },
      );
    case 'maskSops':
      return outcome(
        testCase,
        () => core.emitYaml(flux.maskSopsData(core.parseYaml(testCase.input, 'secret.yaml'))),
        (result) => (result === testCase.expected ? undefined : `got ${JSON.stringify(result)}`),
      );
    case 'selectKustomization':
      return outcome(
        testCase,
        () => flux.selectKustomization(testCase.kustomizationFile, testCase.name, testCase.namespace, 'kustomization.yaml'),
        (result) => {
          for (const assertion of testCase.expected.fields ?? []) {
            const complaint = checkField([result.object], assertion);
            if (complaint) return complaint;
          }
          return undefined;
        },
      );
    case 'localSourcePath':
      return outcome(
        testCase,
        () => flux.localSourcePath(flux.readKustomization(core.parseYaml(testCase.kustomization, 'ks.yaml', { dialect: 'sigs-yaml' })), testCase.localSources),
        (result) => (result === testCase.expected ? undefined : `got ${JSON.stringify(result)}`),
      );
    default:
      return `unknown build case kind ${testCase.kind}`;
  }
}

/** Judges a generator case's build output against `expected`. */
function judgeGenerated(libs, testCase, result, outputs) {
  const expected = testCase.expected ?? {};
  if (expected.action !== undefined && result.generated?.action !== expected.action) return `action ${result.generated?.action}`;
  if (expected.kustomizationFileNamePrefix !== undefined && !result.generated.file.split('/').pop().startsWith(expected.kustomizationFileNamePrefix)) {
    return `kustomization file ${result.generated.file}`;
  }
  for (const assertion of expected.kustomizationFields ?? []) {
    const complaint = checkField([result.generated.kustomization], assertion);
    if (complaint) return `kustomization ${complaint}`;
  }
  for (const text of expected.kustomizationContains ?? []) if (!result.generated.yaml.includes(text)) return `kustomization lacks ${JSON.stringify(text)}`;
  if (expected.scan !== undefined && !deepEqual(result.scan, expected.scan)) return `scanned ${JSON.stringify(result.scan)}`;
  if (result.objects !== undefined) {
    const output = libs.core.emitDocuments(result.objects);
    if (expected.output !== undefined && output !== expected.output) return `output ${JSON.stringify(output).slice(0, 400)}`;
    for (const text of expected.outputContains ?? []) if (!output.includes(text)) return `output lacks ${JSON.stringify(text)}`;
    for (const text of expected.outputNotContains ?? []) if (output.includes(text)) return `output has ${JSON.stringify(text)}`;
    if (expected.objects?.count !== undefined && result.objects.length !== expected.objects.count) return `${result.objects.length} objects`;
    for (const assertion of expected.objects?.fields ?? []) {
      const complaint = checkField(result.objects, assertion);
      if (complaint) return complaint;
    }
    if (expected.sameOutputAs !== undefined && outputs.get(expected.sameOutputAs) !== output) return `output differs from ${expected.sameOutputAs}`;
  }
  return undefined;
}

/** A Secret as the API server stores it: `stringData` folded into base64 `data`. */
function storedByApiServer(object) {
  if (object.kind !== 'Secret' || !object.stringData) return object;
  const data = { ...(object.data ?? {}) };
  for (const [key, value] of Object.entries(object.stringData)) data[key] = Buffer.from(value, 'utf8').toString('base64');
  const { stringData: _dropped, ...rest } = object;
  return { ...rest, data };
}

function generatorCase(libs, testCase, outputs) {
  const { flux, core } = libs;
  if (testCase.kind === 'isLocalRelativePath') {
    const result = flux.isLocalRelativePath(testCase.path);
    return result === testCase.expected ? undefined : `got ${result}`;
  }
  const base = '/src';
  const fs = caseFileSystem(core, testCase.files ?? {}, testCase.dirs, base);
  const dir = cleanAbsolute(`${base}/${testCase.dir}`);
  const rootDir = testCase.root === null ? undefined : cleanAbsolute(`${base}/${testCase.root}`);
  const kustomization = testCase.kustomization ? flux.readKustomization(core.parseYaml(testCase.kustomization, 'ks.yaml', { dialect: 'sigs-yaml' })) : undefined;
  const generator = testCase.generator;
  const options = generator ? { filter: generator.filter, ignore: generator.ignore ?? '' } : undefined;
  return outcome(
    testCase,
    () => {
      if (testCase.kind === 'scan') {
        const patterns = generator.filter || (generator.ignore ?? '') !== '' ? [...flux.loadIgnorePatterns(fs, dir), ...flux.readIgnorePatterns(generator.ignore ?? '', dir.split('/'))] : [];
        return { scan: flux.scanManifests(fs, dir, patterns).map((path) => path.slice(dir.length + 1)) };
      }
      const generated = options ? flux.generateKustomization(fs, dir, kustomization ?? flux.readKustomization({}), options) : undefined;
      if (!testCase.build) return { generated };
      let objects = flux.fluxKustomizeBuild(generated ? flux.withGeneratedKustomization(fs, generated) : fs, dir, rootDir);
      if (testCase.kind === 'varsub') {
        const settings = testCase.substitute;
        const clusterObjects = (testCase.clusterObjects ?? []).map((text) => storedByApiServer(core.parseYaml(text, 'cluster.yaml', { dialect: 'sigs-yaml' })));
        objects = objects.map((object) => {
          const variables = flux.loadSubstituteVariables(kustomization, { dryRun: settings.dryRun, clusterObjects });
          return flux.substituteObject(object, variables, { strict: settings.strict, always: settings.always });
        });
      }
      outputs.set(testCase.id, core.emitDocuments(objects));
      return { generated, objects };
    },
    (result) => judgeGenerated(libs, testCase, result, outputs),
  );
}

/** Every case of a category, sorted so that a case another one compares with runs first. */
function loadCases(category) {
  const dir = join(sharedDir, category);
  const cases = readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => JSON.parse(readFileSync(join(dir, name), 'utf8')));
  const referenced = new Set(cases.map((c) => c.expected?.sameOutputAs).filter(Boolean));
  return [...cases.filter((c) => referenced.has(c.id)), ...cases.filter((c) => !referenced.has(c.id))];
}

/**
 * Runs every case with the given libraries (`flux`: @kustomize-ts/flux, `core`: @kustomize-ts/core) and
 * returns the failures and counts per category.
 */
export function runAll(libs, only) {
  const results = [];
  const outputs = new Map();
  for (const category of categories) {
    for (const testCase of loadCases(category)) {
      if (only && !testCase.id.includes(only)) continue;
      let complaint;
      try {
        if (category === 'envsubst') complaint = envsubstCase(libs, testCase);
        else if (category === 'kstatus') complaint = kstatusCase(libs, testCase);
        else if (category === 'export') complaint = exportCase(libs, testCase);
        else if (category === 'build') complaint = buildCase(libs, testCase);
        else complaint = generatorCase(libs, testCase, outputs);
      } catch (error) {
        complaint = `runner error: ${error instanceof Error ? error.stack : String(error)}`;
      }
      results.push({ category, id: testCase.id, complaint });
    }
  }
  return results;
}

function report(results, verbose) {
  for (const category of categories) {
    const mine = results.filter((result) => result.category === category);
    const failed = mine.filter((result) => result.complaint !== undefined);
    console.log(`${category}: ${mine.length - failed.length} passed, ${failed.length} failed of ${mine.length}`);
    for (const failure of failed) console.log(`  FAIL ${failure.id}${verbose ? `: ${failure.complaint}` : ''}`);
  }
  const failed = results.filter((result) => result.complaint !== undefined).length;
  console.log(`flux-conformance: ${results.length - failed} passed, ${failed} failed of ${results.length}`);
  return failed === 0 ? 0 : 1;
}

async function main() {
  if (!existsSync(sharedDir)) {
    console.log(`flux-conformance: ${sharedDir} not found; the shared cases are not on this machine, nothing to run.`);
    return 0;
  }
  const argv = process.argv.slice(2);
  const onlyIndex = argv.indexOf('--only');
  const only = onlyIndex >= 0 ? argv[onlyIndex + 1] : undefined;
  // The library and the `flux create` command (the CLI's entry of the package).
  const flux = { ...(await import(pathToFileURL(join(root, 'packages', 'flux', 'dist', 'index.js')).href)), ...(await import(pathToFileURL(join(root, 'packages', 'flux', 'dist', 'cli', 'index.js')).href)) };
  const core = await import(pathToFileURL(join(root, 'packages', 'core', 'dist', 'index.js')).href);
  return report(runAll({ flux, core }, only), argv.includes('--verbose'));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main();
}

#!/usr/bin/env node
// The packages as a user gets them: packs every package with npm (run after `pnpm build`), checks what each
// tarball holds, installs all of them into a fresh temporary project with npm (only the npm registry is
// reached, for their third-party dependencies and TypeScript), and runs there the TypeScript examples of
// every package README: type-checked with --strict under node16 and under bundler resolution, then compiled
// and run as ES modules. The CLI tarball's command must build a tree. Exit status 1 on any failure.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const packages = readdirSync(join(root, 'packages')).filter((name) => !name.startsWith('.'));
const work = mkdtempSync(join(tmpdir(), 'kustomize-ts-pack-'));
const failures = [];
const check = (ok, message) => {
  if (!ok) failures.push(message);
};
const run = (command, args, cwd) => execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

try {
  const tarballs = [];
  const readmes = [];
  for (const name of packages) {
    const directory = join(root, 'packages', name);
    const manifest = JSON.parse(readFileSync(join(directory, 'package.json'), 'utf8'));
    const [packed] = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', work], directory));
    const tarball = join(work, packed.filename);
    tarballs.push(tarball);
    const files = new Set(packed.files.map((file) => file.path));
    const unpacked = join(work, 'unpacked', name);
    mkdirSync(unpacked, { recursive: true });
    run('tar', ['-xzf', tarball, '-C', unpacked, '--strip-components=1'], work);
    const packedManifest = readFileSync(join(unpacked, 'package.json'), 'utf8');
    check(!packedManifest.includes('workspace:'), `${manifest.name}: package.json names workspace: versions`);
    for (const file of ['LICENSE', 'README.md', 'package.json']) check(files.has(file), `${manifest.name}: the tarball has no ${file}`);
    for (const field of ['description', 'license', 'repository', 'homepage', 'keywords', 'engines']) check(manifest[field] !== undefined, `${manifest.name}: package.json has no ${field}`);
    if (manifest.exports) {
      check(manifest.sideEffects === false, `${manifest.name}: package.json does not say sideEffects: false`);
      for (const [entry, target] of Object.entries(manifest.exports)) {
        if (entry === './package.json') continue;
        check(typeof target.types === 'string' && files.has(target.types.replace(/^\.\//, '')), `${manifest.name}: export ${entry} has no shipped types`);
        check(typeof target.default === 'string' && files.has(target.default.replace(/^\.\//, '')), `${manifest.name}: export ${entry} has no shipped code`);
      }
    }
    // Every source map either carries its sources or points at files the tarball holds.
    for (const file of [...files].filter((path) => path.endsWith('.map'))) {
      const map = JSON.parse(readFileSync(join(unpacked, file), 'utf8'));
      const base = join(unpacked, file, '..');
      const missing = map.sources.filter((source, i) => map.sourcesContent?.[i] == null && !files.has(join(base, source).slice(unpacked.length + 1)));
      check(missing.length === 0, `${manifest.name}: ${file} points at sources not shipped (${missing.slice(0, 2).join(', ')})`);
    }
    if (manifest.bin) {
      check(![...files].some((path) => path.startsWith('dist/') && !path.startsWith('dist/bundle/')), `${manifest.name}: ships an unbundled copy beside the bundle`);
      check(Object.keys(manifest.dependencies ?? {}).length === 0, `${manifest.name}: the bundled CLI still depends on packages`);
    }
    const readme = readFileSync(join(unpacked, 'README.md'), 'utf8');
    readmes.push(...[...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => ({ name: manifest.name, code: match[1] })));
  }

  const project = join(work, 'project');
  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'fresh-project', private: true, type: 'module' }));
  const typescript = JSON.parse(readFileSync(join(root, 'node_modules/typescript/package.json'), 'utf8')).version;
  const nodeTypes = JSON.parse(readFileSync(join(root, 'node_modules/@types/node/package.json'), 'utf8')).version;
  run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', ...tarballs, `typescript@${typescript}`, `@types/node@${nodeTypes}`], project);

  check(readmes.length >= packages.length, `only ${readmes.length} README examples for ${packages.length} packages`);
  readmes.forEach(({ code }, i) => writeFileSync(join(project, `example-${i + 1}.ts`), code));
  const sources = readmes.map((_, i) => `example-${i + 1}.ts`);
  const common = ['--strict', '--target', 'es2022', '--types', 'node', '--noEmit'];
  for (const [module, resolution] of [['node16', 'node16'], ['esnext', 'bundler']]) {
    try {
      run('npx', ['tsc', ...common, '--module', module, '--moduleResolution', resolution, ...sources], project);
    } catch (error) {
      failures.push(`README examples do not type-check with --module ${module} --moduleResolution ${resolution}:\n${error.stdout}`);
    }
  }
  run('npx', ['tsc', '--strict', '--target', 'es2022', '--types', 'node', '--module', 'node16', '--moduleResolution', 'node16', '--outDir', 'out', ...sources], project);
  readmes.forEach(({ name }, i) => {
    try {
      run('node', [join('out', `example-${i + 1}.js`)], project);
    } catch (error) {
      failures.push(`README example ${i + 1} of ${name} fails as an ES module:\n${error.stderr}`);
    }
  });

  const tree = join(project, 'tree');
  mkdirSync(tree);
  writeFileSync(join(tree, 'kustomization.yaml'), 'namePrefix: dev-\nresources:\n- cm.yaml\n');
  writeFileSync(join(tree, 'cm.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n');
  const output = run(join(project, 'node_modules/.bin/kustomize-ts'), ['build', tree], project);
  check(output === 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: dev-settings\n', `the installed kustomize-ts printed ${JSON.stringify(output)}`);

  console.log(`pack-test: ${packages.length} packages packed and installed, ${readmes.length} README examples run; ${failures.length} failures`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
for (const failure of failures) console.error(`pack-test: ${failure}`);
process.exitCode = failures.length > 0 ? 1 : 0;

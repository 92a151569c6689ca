import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from '@kustomize-ts/core';
import { NodeFileSystem } from '@kustomize-ts/core/node';
import { describe, expect, it } from 'vitest';

// Every overlay under examples/*/overlays/ must build to its committed golden file,
// examples/<example>/golden/<overlay>.yaml, which was checked against `kubectl kustomize` (v5.5.0).
const examples = fileURLToPath(new URL('../examples/', import.meta.url));
const isDirectory = (path: string) => statSync(path, { throwIfNoEntry: false })?.isDirectory() === true;

for (const example of readdirSync(examples).filter((name) => isDirectory(join(examples, name, 'overlays')))) {
  describe(`examples/${example}`, () => {
    const overlays = join(examples, example, 'overlays');
    for (const overlay of readdirSync(overlays).filter((name) => isDirectory(join(overlays, name)))) {
      it(`overlay ${overlay} builds to its golden output`, () => {
        const golden = readFileSync(join(examples, example, 'golden', `${overlay}.yaml`), 'utf8');
        expect(build({ fs: new NodeFileSystem(), path: join(overlays, overlay) }).yaml).toBe(golden);
      });
    }
  });
}

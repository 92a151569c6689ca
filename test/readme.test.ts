import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Every TypeScript example of the README runs as written (examples that declare tests of their own are
// exercised by the example test suites instead), so the README cannot drift from the API.
const root = fileURLToPath(new URL('..', import.meta.url));
const readme = readFileSync(`${root}README.md`, 'utf8');
const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1]!).filter((code) => !code.includes("from 'vitest'"));
const scratch = `${root}test/.readme/`;

describe('README examples', () => {
  it('has examples to run', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(3);
  });
  blocks.forEach((code, index) => {
    it(`example ${index + 1} runs`, async () => {
      mkdirSync(scratch, { recursive: true });
      const file = `${scratch}example-${index + 1}.ts`;
      writeFileSync(file, code);
      await expect(import(/* @vite-ignore */ file)).resolves.toBeDefined();
    });
  });
});

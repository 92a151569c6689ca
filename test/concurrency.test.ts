import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { build } from '@kustomize-ts/core';
import { NodeFileSystem } from '@kustomize-ts/core/node';
import { describe, expect, it } from 'vitest';

// Builds keep no state between them (the memo caches of ids are keyed by the objects of one build), so
// builds interleaved in one thread, and builds in several worker threads at once, give each overlay the
// bytes of its golden file (checked against `kubectl kustomize` v5.5.0).
const examples = fileURLToPath(new URL('../examples/', import.meta.url));
const isDirectory = (path: string) => statSync(path, { throwIfNoEntry: false })?.isDirectory() === true;
const overlays = readdirSync(examples)
  .filter((example) => isDirectory(join(examples, example, 'overlays')))
  .flatMap((example) =>
    readdirSync(join(examples, example, 'overlays'))
      .filter((overlay) => isDirectory(join(examples, example, 'overlays', overlay)))
      .map((overlay) => ({ path: join(examples, example, 'overlays', overlay), golden: join(examples, example, 'golden', `${overlay}.yaml`) })),
  );
const goldens = overlays.map(({ golden }) => readFileSync(golden, 'utf8'));

/** Each worker builds every overlay, in an order of its own, with the built core, and posts the outputs by overlay. */
const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
(async () => {
  const { build } = await import(workerData.core);
  const { NodeFileSystem } = await import(workerData.node);
  const outputs = new Array(workerData.paths.length);
  for (const index of workerData.order) outputs[index] = build({ fs: new NodeFileSystem(), path: workerData.paths[index] }).yaml;
  parentPort.postMessage(outputs);
})().catch((error) => parentPort.postMessage({ error: String(error) }));
`;

function buildInWorker(order: readonly number[]): Promise<string[]> {
  const dist = new URL('../packages/core/dist/', import.meta.url);
  const workerData = { core: new URL('index.js', dist).href, node: new URL('fs/node.js', dist).href, paths: overlays.map(({ path }) => path), order };
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerSource, { eval: true, workerData });
    worker.once('message', (message: string[] | { error: string }) => {
      void worker.terminate();
      if (Array.isArray(message)) resolve(message);
      else reject(new Error(message.error));
    });
    worker.once('error', reject);
  });
}

describe('concurrent builds', () => {
  it('interleaved in one thread, each overlay builds to its golden output', () => {
    const order = [...overlays.keys(), ...[...overlays.keys()].reverse()];
    for (const index of order) expect(build({ fs: new NodeFileSystem(), path: overlays[index]!.path }).yaml).toBe(goldens[index]);
  });

  it('in four worker threads at once, each overlay builds to its golden output', async () => {
    const forward = [...overlays.keys()];
    const rotated = (by: number) => forward.map((i) => (i + by) % forward.length);
    const orders = [forward, [...forward].reverse(), rotated(2), rotated(3)];
    const results = await Promise.all(orders.map(buildInWorker));
    for (const outputs of results) expect(outputs).toEqual(goldens);
  }, 60_000);
});

// A worker thread of the parallel run in scripts/bench.mjs: builds its first tree once to warm up, posts
// 'ready', and on 'go' builds the trees it is given, one after another, and posts each output's SHA-256 and
// time. Builds in different workers share nothing but the loaded code, so equal hashes to a lone build show
// there is no global state between builds.
import { createHash } from 'node:crypto';
import { parentPort, workerData } from 'node:worker_threads';
import { loadCore } from './bench-inprocess.mjs';

const { build, NodeFileSystem } = await loadCore();
build({ fs: new NodeFileSystem(), path: workerData.paths[0] });
parentPort.postMessage('ready');
await new Promise((resolve) => parentPort.once('message', resolve));
const results = [];
for (const path of workerData.paths) {
  const start = performance.now();
  let sha256;
  try {
    sha256 = createHash('sha256').update(build({ fs: new NodeFileSystem(), path }).yaml).digest('hex');
  } catch (error) {
    sha256 = `error: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
  }
  results.push({ path, sha256, ms: performance.now() - start });
}
parentPort.postMessage(results);

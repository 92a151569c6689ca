'use strict';
// Loads the bundled CLI (dist/bundle/main.cjs) with the V8 code cache made when it was bundled
// (dist/bundle/main.cjs.cache): with it V8 neither parses nor compiles the functions a build runs, which is a
// good part of a small build's time. A cache that is missing, or that another Node.js version or other V8 flags
// made, is rejected by V8 and the bundle is compiled as usual.
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const { Script } = require('node:vm');

const bundle = join(__dirname, '..', 'dist', 'bundle', 'main.cjs');

/** The bundle's source as a CommonJS module function, exactly as the cache was made from it. */
function wrap(source) {
  return `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
}

/**
 * Compiles and runs the bundle; returns its exports ({ main }) and the compiled script (the bundle script
 * makes the cache from it after a build).
 * @param {{ cachedData?: Buffer }} [options] a code cache to use instead of the one beside the bundle
 */
function loadCli(options = {}) {
  const script = new Script(wrap(readFileSync(bundle, 'utf8')), { filename: bundle, cachedData: options.cachedData ?? readCache() });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, require, module, bundle, join(bundle, '..'));
  return { cli: module.exports, script };
}

function readCache() {
  try {
    return readFileSync(`${bundle}.cache`);
  } catch {
    return undefined;
  }
}

module.exports = { bundle, loadCli };

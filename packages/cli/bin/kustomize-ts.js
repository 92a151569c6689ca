#!/usr/bin/env node
'use strict';
// CommonJS (bin/package.json says so): Node.js starts a CommonJS entry point faster than an ES module one.
const { loadCli } = require('./load.cjs');

loadCli().cli.main(process.argv.slice(2)).then((status) => {
  process.exitCode = status;
});

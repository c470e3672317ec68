#!/usr/bin/env node
// The deployment server's command. It runs the TypeScript sources directly through tsx, so there
// is no build step between an edit and a run.
'use strict';
require('tsx/cjs');
const { main } = require('../lib/server/main.ts');
main().catch((e) => {
  process.stderr.write(`osd-server: ${(e && e.stack) || String(e)}\n`);
  process.exit(1);
});

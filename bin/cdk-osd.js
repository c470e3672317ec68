#!/usr/bin/env node
// The cdk-osd command. It runs the TypeScript sources directly through tsx.
'use strict';
require('tsx/cjs');
const { main } = require('../lib/cli/main.ts');
main().then((code) => process.exit(code));

/** Builds the command line into one file, `dist/nianbao-check.mjs`: what `npm install` gives a user, with nothing to compile at start-up. */
import { build } from 'esbuild';

await build({
  entryPoints: ['cli/bin.ts'],
  outfile: 'dist/nianbao-check.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minify: process.env.NIANBAO_CLI_MINIFY !== '0',
  legalComments: 'none',
  banner: { js: '#!/usr/bin/env node' },
  logLevel: 'warning',
});

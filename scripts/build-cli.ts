/**
 * Builds the command line into one file, `dist/nianbao-check.mjs`: what `npm install` gives a user,
 * with nothing to compile at start-up. PDF.js, its one dependency, stays a package of its own.
 */
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
  // PDF.js (loaded only for a PDF: its character maps are files beside it) and exceljs (only for --xlsx)
  // stay packages of their own
  external: ['pdfjs-dist', 'exceljs'],
});

// Runs the console's TypeScript unit tests with Node's own test runner: esbuild turns each `*.test.ts` into a bundle
// in a temp folder (no type check, no new dependency), then `node --test` runs those bundles.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const tests = readdirSync(here).filter((name) => name.endsWith('.test.ts'));
const outdir = mkdtempSync(join(tmpdir(), 'openc3-console-test-'));
try {
  await build({
    entryPoints: tests.map((name) => join(here, name)),
    outdir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'warning',
  });
  const run = spawnSync(process.execPath, ['--test', ...tests.map((name) => join(outdir, name.replace(/\.ts$/, '.mjs')))], { stdio: 'inherit' });
  process.exitCode = run.status ?? 1;
} finally {
  rmSync(outdir, { recursive: true, force: true });
}

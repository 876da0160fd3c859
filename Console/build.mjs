// Bundles each page of the console into the folder given as the first argument (the API's static assets).
// One entry per page: the web terminal today; the product's console (issue 17) adds its own entry here.
import { build } from 'esbuild';

const outdir = process.argv[2];
if (!outdir) {
  console.error('usage: node build.mjs <output folder>');
  process.exit(2);
}

await build({
  entryPoints: { terminal: 'src/terminal/main.ts' },
  outdir,
  bundle: true,
  minify: true,
  sourcemap: false,
  format: 'esm',
  target: 'es2022',
  logLevel: 'warning',
});

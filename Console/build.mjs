// Bundles the browser code into the folder given as the first argument (the API's static assets, served at /console/):
// the web terminal (terminal.js, loaded by the terminal page) and the product's console (hashed bundles, loaded by
// the index.html written here, which the API serves for every console URL).
import { build } from 'esbuild';
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';

const outdir = process.argv[2];
if (!outdir) {
  console.error('usage: node build.mjs <output folder>');
  process.exit(2);
}

const common = { bundle: true, minify: true, sourcemap: false, format: 'esm', target: 'es2022', logLevel: 'warning' };

await build({ ...common, entryPoints: { terminal: 'src/terminal/main.ts' }, outdir });

// Earlier hashed bundles would pile up in the output folder and be copied beside the API.
for (const file of readdirSync(outdir, { withFileTypes: true })) {
  if (file.isFile() && /^console-[A-Z0-9]+\.(js|css)$/.test(file.name)) {
    rmSync(join(outdir, file.name));
  }
}

const { metafile } = await build({
  ...common,
  entryPoints: { console: 'src/console/main.ts' },
  entryNames: '[name]-[hash]',
  outdir,
  metafile: true,
});

const outputs = Object.keys(metafile.outputs).map((file) => basename(file));
const script = outputs.find((name) => name.endsWith('.js'));
const style = outputs.find((name) => name.endsWith('.css'));

writeFileSync(
  join(outdir, 'index.html'),
  `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>OpenC3</title>
<link rel="stylesheet" href="/console/${style}">
<script type="module" src="/console/${script}"></script>
</head>
<body>
<oc-app></oc-app>
</body>
</html>
`,
);

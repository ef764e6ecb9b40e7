// Bundles the front end into the api module's class path (run by Maven, api/pom.xml, at
// generate-resources; or by hand: npm ci && npm run build). Nothing here is fetched at run time:
// the jar serves every file.
//   - GraphiQL (React, GraphiQL, its CodeMirror editor and CSS) -> target/classes/graphiql/
//     (served at /graphiql by GraphiqlPage, unless party-graph.graphiql.enabled=false)
//   - the chart's tree layout (dagre through cytoscape-dagre) as an ES module
//     -> target/classes/static/chart/lib/ (Cytoscape itself comes from its WebJar)
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { copyFile, mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

// npm ci from the committed lockfile, skipped while node_modules holds what that lockfile names.
const lock = createHash('sha256').update(readFileSync(resolve(here, 'package-lock.json'))).digest('hex');
const stamp = resolve(here, 'node_modules/.party-graph-lock-sha256');
if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== lock) {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const ci = spawnSync(npm, ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: here, stdio: 'inherit' });
  if (ci.status !== 0) {
    console.error(`npm ci failed (exit ${ci.status}${ci.error ? `, ${ci.error.message}` : ''}): Node 20 and npm are needed to build`);
    process.exit(1);
  }
  writeFileSync(stamp, lock);
}
const { build } = await import('esbuild');
const classes = resolve(here, process.argv[2] || '../target/classes');
const common = {
  bundle: true,
  minify: true,
  sourcemap: false,
  legalComments: 'linked',
  logLevel: 'warning',
  target: ['es2020'],
  define: { 'process.env.NODE_ENV': '"production"' },
};

const started = Date.now();
await mkdir(resolve(classes, 'graphiql'), { recursive: true });
await Promise.all([
  build({
    ...common,
    entryPoints: { graphiql: resolve(here, 'src/graphiql.jsx') },
    outdir: resolve(classes, 'graphiql'),
    format: 'iife',
    jsx: 'automatic',
    loader: { '.woff': 'file', '.woff2': 'file', '.ttf': 'file', '.svg': 'file', '.png': 'file' },
  }),
  build({
    ...common,
    entryPoints: { 'cytoscape-dagre': resolve(here, 'src/cytoscape-dagre.js') },
    outdir: resolve(classes, 'static/chart/lib'),
    format: 'esm',
  }),
  copyFile(resolve(here, 'src/graphiql.html'), resolve(classes, 'graphiql/index.html')),
]);
console.log(`front end built into ${classes} in ${Date.now() - started} ms`);

// `npm run build:cloud`: bundles each cloud function's TypeScript into its index.js (wx-server-sdk stays external,
// installed by WeChat's 云端安装依赖 from the function's own package.json) and prints the sizes.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = path.dirname(fileURLToPath(import.meta.url));
const functions = [
  { name: 'api', entry: 'api/src/cloud/index.ts' },
  { name: 'reminders', entry: 'reminders/src/index.ts' },
];

for (const fn of functions) {
  const outfile = path.join(here, fn.name, 'index.js');
  await build({
    entryPoints: [path.join(here, fn.entry)],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node16',
    format: 'cjs',
    minify: true,
    legalComments: 'none',
    tsconfig: path.join(here, '..', 'tsconfig.json'),
    // pg-native is pg's optional C binding; PGlite is the local engine and never loaded in the cloud.
    external: ['wx-server-sdk', 'pg-native', '@electric-sql/pglite'],
    logLevel: 'warning',
  });
  console.log(`cloudfunctions/${fn.name}/index.js  ${(fs.statSync(outfile).size / 1024).toFixed(1)} KB`);
}

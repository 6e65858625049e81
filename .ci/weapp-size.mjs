// Prints the weapp main package size (everything in dist/ but the subpackage roots) and fails above the budget.
import fs from 'node:fs';
import path from 'node:path';

const BUDGET_KB = 450;
const dist = path.resolve(process.env.WEAPP_OUT || 'dist');
const app = JSON.parse(fs.readFileSync(path.join(dist, 'app.json'), 'utf8'));
const subRoots = (app.subPackages ?? app.subpackages ?? []).map((p) => path.join(dist, p.root));

function size(dir, skip = []) {
  let total = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (skip.some((s) => full === s || full.startsWith(s + path.sep))) continue;
    total += entry.isDirectory() ? size(full, skip) : fs.statSync(full).size;
  }
  return total;
}

const mainKb = size(dist, subRoots) / 1024;
console.log(`weapp main package: ${mainKb.toFixed(1)} KB (budget ${BUDGET_KB} KB)`);
for (const root of subRoots) console.log(`  subpackage ${path.relative(dist, root)}: ${(size(root) / 1024).toFixed(1)} KB`);
if (mainKb > BUDGET_KB) {
  console.error(`weapp main package is over budget by ${(mainKb - BUDGET_KB).toFixed(1)} KB`);
  process.exit(1);
}

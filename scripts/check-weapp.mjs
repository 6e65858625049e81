#!/usr/bin/env node
/**
 * WeChat's own code-quality scan (the DevTools 代码质量 panel) over the built mini-program in dist/, offline:
 * miniprogram-ci's checkCodeQuality reads files only and needs no key or network. Fails on the checks the
 * project has fixed (minification, lazy component loading, package size); the rest are printed as advice.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const ci = require('miniprogram-ci');

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const REQUIRED = new Set(['PACKAGE_SIZE_LIMIT', 'JS_COMPRESS_OPEN', 'WXML_COMPRESS_OPEN', 'WXSS_COMPRESS_OPEN', 'LAZYCODE_LOADING_OPEN']);

const config = JSON.parse(fs.readFileSync(path.join(ROOT, 'project.config.json'), 'utf8'));
if (!fs.existsSync(path.join(ROOT, config.miniprogramRoot, 'app.json'))) {
  console.error(`没有找到 ${config.miniprogramRoot}app.json：请先运行 npm run build:weapp`);
  process.exit(1);
}

// The constructor insists on a key though the scan never reads it; `attr` answers locally what would otherwise be
// fetched from WeChat with that key (the account's attributes), so nothing leaves the machine.
const project = new ci.Project({
  appid: config.appid,
  type: 'miniProgram',
  projectPath: ROOT,
  privateKey: 'not-read-by-checkCodeQuality',
  ignores: ['node_modules/**/*', 'cloudfunctions/**/*', 'src/**/*', 'tests/**/*', 'dist-h5/**/*'],
  attr: async () => ({ platform: false, gameApp: false, setting: {} }),
});
const results = await ci.checkCodeQuality(project);

let failed = 0;
for (const check of results) {
  const mark = check.success ? 'ok  ' : REQUIRED.has(check.name) ? 'FAIL' : 'note';
  if (!check.success && REQUIRED.has(check.name)) failed++;
  console.log(`${mark} ${check.name}${check.success ? '' : ` — ${check.text}`}`);
}
if (failed) {
  console.error(`\n微信代码质量扫描：${failed} 项未通过`);
  process.exit(1);
}
console.log('\n微信代码质量扫描通过');
// miniprogram-ci leaves a file watcher running; the scan is done.
process.exit(0);

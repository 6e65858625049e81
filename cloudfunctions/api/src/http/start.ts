/**
 * `npm start`: build the H5 app if it is missing or older than its sources, open the database (PGlite in DATA_DIR,
 * or PostgreSQL at DATABASE_URL), migrate, seed the demo once, and serve app + API on one port.
 */
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { openDb, migrate, sqlFilesRepo, sqlRepositories } from '../adapters/sql';
import { newId } from '../core/ids';
import type { Deps } from '../core/context';
import { DEMO_PERSONAS, seedDemo } from '../demo/seed';
import { startDailyErasure } from '../retention/daily';
import { buildGateway } from './gateway';
import { memoryFileStore } from './files';
import { gatewayImageStore } from './images';
import { readableLines } from './logging';
import { createSessions, resolveSessionSecret } from './sessions';
import { createSignInLimiter } from './sign-in-limit';
import { miniProgramSignIn, wechatSettingsFromEnv } from './wechat';

const ROOT = path.resolve(__dirname, '../../../..');
/** Generous for a person tapping through the app, tight enough to stop a script hammering one account. */
const RATE_LIMIT_PER_MINUTE = 600;

async function main(): Promise<void> {
  const env = process.env;
  const port = Number(env.PORT ?? 8080);
  const host = env.HOST ?? '127.0.0.1';
  const dataDir = path.resolve(ROOT, env.DATA_DIR ?? '.data');
  const demo = env.NODE_ENV !== 'production';
  // H5_DIR serves another build of the app as it is (e.g. a copy kept aside for a test run); dist-h5, rebuilt when stale, otherwise.
  const staticDir = path.resolve(ROOT, env.H5_DIR ?? 'dist-h5');

  if (env.SKIP_H5_BUILD !== '1' && !env.H5_DIR) ensureH5Build(staticDir);

  const db = await openDb({ databaseUrl: env.DATABASE_URL, dataDir: path.join(dataDir, 'pglite') });
  await migrate(db);
  const repos = sqlRepositories(db);
  const sessions = createSessions(resolveSessionSecret(env, dataDir, demo));
  // WeChat sign-in asked for (WECHAT_APPID or WXLOGIN=1) but not fully configured stops the start here (http/wechat.ts).
  const wechat = wechatSettingsFromEnv(env);
  const files = memoryFileStore();
  // Uploaded logos live in the database beside the records; exports only in memory.
  const images = sqlFilesRepo(db);
  const deps: Deps = { repos, now: () => new Date(), newId, files, images: gatewayImageStore(images), sessions, wechat: miniProgramSignIn(wechat), ...(demo ? { demoSessions: sessions } : {}) };
  if (demo) {
    const seeded = await seedDemo(repos, new Date(), newId);
    if (seeded.createdEvents) console.log(`已写入演示数据：${seeded.createdEvents} 个活动`);
  }

  const app = await buildGateway({
    deps,
    sessions,
    files,
    images,
    staticDir,
    trustProxy: env.TRUST_PROXY === '1',
    rateLimit: { max: RATE_LIMIT_PER_MINUTE, timeWindowMs: 60_000 },
    signInLimit: createSignInLimiter(),
    wechat,
    // JSON lines for a log collector in production; short lines for a person watching the demo's console.
    logger: { level: env.LOG_LEVEL ?? 'info', ...(demo ? { stream: readableLines(process.stdout) } : {}) },
    ...(env.REQUEST_TIMEOUT_MS ? { requestTimeoutMs: positiveNumber(env.REQUEST_TIMEOUT_MS, 'REQUEST_TIMEOUT_MS') } : {}),
  });
  await app.listen({ port, host });
  const erasure = startDailyErasure({ repos }, () => new Date());
  const url = `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}/`;
  console.log(`\n佘山两新服务 is running at ${url}`);
  console.log(`  database: ${db.engine === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${path.join(dataDir, 'pglite')}`}`);
  console.log(`  sign-in: wx.login ${wechat.miniProgram ? 'on' : 'off'} · 公众号 ${wechat.officialAccount ? 'on' : 'off'} · desktop by scanning on`);
  if (demo) {
    console.log('  demo personas (pick one on 我的, or POST /api/auth.demoLogin {"openid": "…"}):');
    for (const p of DEMO_PERSONAS) console.log(`    ${p.openid.padEnd(12)} ${p.label}`);
  }

  const stop = async () => {
    await erasure.stop();
    await app.close();
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

function positiveNumber(value: string, name: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive whole number of milliseconds, not "${value}"`);
  return n;
}

/** Rebuild only when a source file is newer than the last build: a second start is instant. */
function ensureH5Build(staticDir: string): void {
  const built = path.join(staticDir, 'index.html');
  const builtAt = fs.existsSync(built) ? fs.statSync(built).mtimeMs : 0;
  if (builtAt && newestMtime(path.join(ROOT, 'src')) <= builtAt) return;
  console.log('正在构建 H5 应用（首次启动约需一分钟）…');
  const options = { cwd: ROOT, env: { ...process.env, NODE_ENV: 'production' } };
  // Webpack's progress is hundreds of lines a newcomer need not read: shown with VERBOSE=1, or when the build fails.
  if (process.env.VERBOSE === '1') {
    execSync('npx taro build --type h5', { ...options, stdio: 'inherit' });
    return;
  }
  try {
    execSync('npx taro build --type h5', { ...options, stdio: 'pipe', maxBuffer: 64 * 1024 * 1024 });
  } catch (err) {
    const failed = err as { stdout?: Buffer; stderr?: Buffer };
    process.stdout.write(failed.stdout ?? '');
    process.stderr.write(failed.stderr ?? '');
    throw new Error('H5 构建失败（完整输出见上）');
  }
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

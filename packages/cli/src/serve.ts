import { randomBytes } from 'node:crypto';
import { createLogger, listIndicators, loadConfig, loadDemo } from '@baocao/core';
import { buildApp, trustProxyFromEnv } from '@baocao/server';
import { announceDemoUsers } from './demo-users.ts';
import type { Flags } from './io.ts';
import { openStore } from './store.ts';

/**
 * Runs the platform. `--demo-if-empty` (what `npm start` passes) loads the demo into an empty
 * embedded store; against a PostgreSQL server (production) it never does.
 */
export async function serve(flags: Flags): Promise<void> {
  // Every setting validated before anything starts: a wrong one stops here, named.
  const config = loadConfig();
  const log = createLogger({ level: config.LOG_LEVEL });
  const { db, ctx, label } = await openStore(flags.data);
  if (flags['demo-if-empty'] && db.engine === 'pglite' && (await listIndicators(ctx)).length === 0) {
    log.info('empty store: loading the demo data');
    await loadDemo(ctx);
    await announceDemoUsers(ctx);
  }
  const apiToken = config.BAOCAO_API_TOKEN ?? randomBytes(24).toString('base64url');
  const app = await buildApp({ db, log, apiToken, trustProxy: trustProxyFromEnv(config.BAOCAO_TRUST_PROXY) });
  const port = flags.port ? loadConfig({ PORT: flags.port }).PORT! : (config.PORT ?? 3000);
  const host = config.HOST ?? '127.0.0.1';
  await app.listen({ port, host });
  log.info({ store: label, url: `http://${host}:${port}` }, 'baocao is up');
  if (!config.BAOCAO_API_TOKEN)
    console.error(`API token for this run (set BAOCAO_API_TOKEN to fix one): ${apiToken}`);
  const stop = async () => {
    await app.close();
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { createLogger, listIndicators, loadConfig, loadDemo, notifySettings } from '@baocao/core';
import { buildApp, createMetrics, serveMetrics, shutdown, trustProxyFromEnv } from '@baocao/server';
import { announceDemoUsers } from './demo-users.ts';
import type { Flags } from './io.ts';
import { openStore } from './store.ts';

/**
 * Runs the platform. `--demo-if-empty` (what `npm start` passes) loads the demo into an empty
 * embedded store; against a PostgreSQL server (production) it never does. SIGTERM or SIGINT stops
 * it gracefully: requests in flight finish (within SHUTDOWN_GRACE_SECONDS), then the pool closes.
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
  const metrics = config.METRICS_PORT === undefined ? undefined : createMetrics(db);
  const app = await buildApp({
    db,
    log,
    apiToken,
    trustProxy: trustProxyFromEnv(config.BAOCAO_TRUST_PROXY),
    notify: { settings: notifySettings(config) },
    ...(metrics ? { metrics } : {}),
    ...(config.TLS_CERT_FILE && config.TLS_KEY_FILE
      ? { tls: { cert: readFileSync(config.TLS_CERT_FILE), key: readFileSync(config.TLS_KEY_FILE) } }
      : {}),
  });
  const host = config.HOST ?? '127.0.0.1';
  await app.listen({
    port: flags.port ? loadConfig({ PORT: flags.port }).PORT! : (config.PORT ?? 3000),
    host,
  });
  const { port } = where(app.server.address());
  const metricsServer =
    metrics && config.METRICS_PORT !== undefined
      ? await serveMetrics(metrics, { port: config.METRICS_PORT, host: config.METRICS_HOST ?? host })
      : undefined;
  const metricsAt = metricsServer && where(metricsServer.address());
  log.info(
    {
      store: label,
      url: `${config.TLS_CERT_FILE ? 'https' : 'http'}://${host}:${port}`,
      ...(metricsAt ? { metrics: `http://${metricsAt.address}:${metricsAt.port}/metrics` } : {}),
    },
    'baocao is up',
  );
  if (!config.BAOCAO_API_TOKEN)
    console.error(`API token for this run (set BAOCAO_API_TOKEN to fix one): ${apiToken}`);
  const graceMs = (config.SHUTDOWN_GRACE_SECONDS ?? 30) * 1000;
  const stop = async (signal: string) => {
    log.info({ signal, graceMs }, 'stopping: no new connections, finishing the requests in flight');
    metricsServer?.close();
    const clean = await shutdown(app, { graceMs, closeStore: () => db.close() });
    if (clean) log.info('stopped');
    else log.warn('stopped before every request finished: the grace period ran out');
    process.exit(clean ? 0 : 1);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

/** The address a TCP server is listening on (its port when PORT=0 let the system choose). */
function where(a: string | AddressInfo | null): { address: string; port: number | undefined } {
  return typeof a === 'object' && a ? a : { address: String(a), port: undefined };
}

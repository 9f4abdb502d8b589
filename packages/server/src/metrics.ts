import { type Server, createServer } from 'node:http';
import { BaocaoError, type Database, pendingRollupChanges } from '@baocao/core';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { z } from 'zod';
import type { App, ValueWriteCounter } from './route.ts';

/**
 * The server's Prometheus metrics, one registry per app (never prom-client's global one, so two
 * apps in a process — tests, two nodes — count apart): request latency by route, rows written by
 * imports and imports refused, the connection pool, and the rollup changes not yet folded.
 */
export interface Metrics extends ValueWriteCounter {
  registry: Registry;
}

/** Creates the metrics of an app on `db` (pool and rollup gauges read it when scraped). */
export function createMetrics(db: Database): Metrics {
  const registry = new Registry();
  registry.setDefaultLabels({ app: 'baocao' });
  collectDefaultMetrics({ register: registry, prefix: 'baocao_' });
  const pool = (field: 'total' | 'idle' | 'waiting' | 'max', help: string) =>
    new Gauge({
      name: `baocao_db_pool_${field}`,
      help,
      registers: [registry],
      collect() {
        const s = db.poolStats();
        if (s) this.set(s[field]);
      },
    });
  // The embedded store has one connection and no pool: nothing to report.
  if (db.poolStats()) {
    pool('total', 'PostgreSQL connections open in the pool');
    pool('idle', 'Open connections not in use');
    pool('waiting', 'Callers waiting for a connection');
    pool('max', 'Connections the pool may open (DB_POOL_MAX)');
  }
  new Gauge({
    name: 'baocao_rollup_pending_changes',
    help: 'Rollup changes written but not yet folded into the rollup table (readers add them meanwhile)',
    registers: [registry],
    async collect() {
      this.set(await pendingRollupChanges(db.k));
    },
  });
  const rows = new Counter({
    name: 'baocao_import_rows_total',
    help: 'Value rows in accepted imports and submissions, by route',
    labelNames: ['route'],
    registers: [registry],
  });
  const refused = new Counter({
    name: 'baocao_import_refused_total',
    help: 'Imports and submissions refused (nothing written), by route and error code',
    labelNames: ['route', 'code'],
    registers: [registry],
  });
  return {
    registry,
    written(route, result) {
      const counted = Counted.safeParse(result);
      rows.inc({ route }, counted.success ? counted.data.rows : 0);
    },
    refused(route, err) {
      refused.inc({ route, code: err instanceof BaocaoError ? err.code : 'INTERNAL' });
    },
  };
}

/** An answer that says how many rows it took (ImportResult). */
const Counted = z.object({ rows: z.number().int().nonnegative() });

/** Request latency by route template (never the raw URL: its cardinality is the caller's to choose). */
export function measureRequests(app: App, metrics: Metrics): void {
  const latency = new Histogram({
    name: 'baocao_http_request_duration_seconds',
    help: 'Time to answer a request, by method, route and status class',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [metrics.registry],
  });
  app.addHook('onResponse', async (req, reply) => {
    latency.observe(
      {
        method: req.method,
        route: req.routeOptions.url ?? 'unmatched',
        status: `${Math.floor(reply.statusCode / 100)}xx`,
      },
      reply.elapsedTime / 1000,
    );
  });
}

/**
 * Serves `/metrics` on a port of its own (METRICS_PORT), so Prometheus scrapes it on the internal
 * network while the public port never exposes it. Resolves with the listening server.
 */
export async function serveMetrics(metrics: Metrics, at: { port: number; host: string }): Promise<Server> {
  const server = createServer((req, res) => {
    if (req.method !== 'GET' || req.url?.split('?')[0] !== '/metrics') {
      res.writeHead(404).end();
      return;
    }
    metrics.registry.metrics().then(
      (text) => res.writeHead(200, { 'content-type': metrics.registry.contentType }).end(text),
      () => res.writeHead(500).end(),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(at.port, at.host, resolve);
  });
  return server;
}

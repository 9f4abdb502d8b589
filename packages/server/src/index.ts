export { buildApp, ROUTES, trustProxyFromEnv, type ApiRoutes, type AppOptions } from './app.ts';
export { createMetrics, serveMetrics, type Metrics } from './metrics.ts';
export { shutdown } from './shutdown.ts';

export { buildApp, ROUTES, trustProxyFromEnv, type ApiRoutes, type AppOptions } from './app.ts';

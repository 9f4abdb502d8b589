export { buildApp, ROUTES, type ApiRoutes, type AppOptions } from './app.ts';

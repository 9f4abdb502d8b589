export { buildApp, ROUTES, type AppOptions } from './app.ts';

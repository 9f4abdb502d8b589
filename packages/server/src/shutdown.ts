import type { App } from './route.ts';

/**
 * Stops the app gracefully: it stops accepting connections, lets the requests in flight — an
 * import among them — run to their answer, runs its close hooks, then `closeStore` (the pool).
 * Past `graceMs` it stops waiting and answers false: the caller exits anyway, and an import still
 * running is rolled back by the database with its connection — nothing half-written, and its
 * client, never answered, was never told it succeeded.
 */
export async function shutdown(
  app: App,
  opts: { graceMs: number; closeStore: () => Promise<void> },
): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const gaveUp = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), opts.graceMs);
  });
  const closed = app.close().then(async () => {
    await opts.closeStore();
    return true as const;
  });
  try {
    return await Promise.race([closed, gaveUp]);
  } finally {
    clearTimeout(timer);
  }
}

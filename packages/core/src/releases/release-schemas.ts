/** Shapes of releases that cross the API (Node-free, shared with the web app). */
import { z } from 'zod';

/** A period whose figures are public. */
export const Release = z.object({ period: z.string(), periodLabel: z.string(), releasedAt: z.string() });
export type Release = z.infer<typeof Release>;

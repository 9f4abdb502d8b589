/** Units as the API answers them (Node-free, shared with the web app). */
import type { z } from 'zod';
import { UnitAbilities } from '../access/policy.ts';
import { Unit } from '../schemas.ts';

/** A unit with what the signed-in person may do with it (edit it, read its figures, report for it). */
export const UnitView = Unit.extend({ abilities: UnitAbilities });
export type UnitView = z.infer<typeof UnitView>;

/** Roles, from the widest to the narrowest rights (Node-free: the web app shows them too). */
export const ROLES = ['admin', 'officer', 'leader', 'reporter', 'public'] as const;
export type Role = (typeof ROLES)[number];

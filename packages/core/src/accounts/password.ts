/** How passwords are hashed: argon2id (algorithm 2; the package's const enum cannot be imported under verbatimModuleSyntax). */
export const ARGON = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

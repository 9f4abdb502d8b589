// @ts-check
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'data/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-assertions': [
        'error',
        { assertionStyle: 'as', objectLiteralTypeAssertions: 'never' },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  // SQL lives in `*.queries.ts` next to its feature: a feature file calls named query functions and
  // never builds a query itself (Kysely builder, sql``, raw SQL text handed to a driver).
  {
    files: ['packages/{core,server,cli}/src/**/*.ts'],
    ignores: [
      '**/*.queries.ts',
      '**/*.test.ts',
      'packages/core/src/testing.ts',
      // The store's machinery: the engine adapters (scripts, COPY), the PGlite dialect and the
      // migration runner hand SQL to the driver below the query builder (see their comments).
      'packages/core/src/db/database.ts',
      'packages/core/src/db/migrate.ts',
      'packages/core/src/db/pglite-dialect.ts',
    ],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "CallExpression[callee.type='MemberExpression'][callee.property.name=/^(selectFrom|selectNoFrom|insertInto|replaceInto|updateTable|deleteFrom|mergeInto|with|withRecursive|executeQuery)$/]",
          message:
            'Queries live in a `*.queries.ts` next to the feature: move this builder call into a named query function there.',
        },
        {
          selector: "TaggedTemplateExpression[tag.name='sql'], MemberExpression[object.name='sql']",
          message:
            'sql`…` belongs in a `*.queries.ts` next to the feature: call a named query function instead.',
        },
        {
          selector:
            "ImportDeclaration[source.value='kysely'][importKind!='type'] > ImportSpecifier[imported.name='sql'][importKind!='type']",
          message: "Only a `*.queries.ts` imports Kysely's `sql`: move the query there.",
        },
        {
          selector:
            "CallExpression[callee.property.name=/^(query|exec)$/]:not([callee.object.regex]):matches([arguments.0.type='Literal'], [arguments.0.type='TemplateLiteral']), MemberExpression[object.name='CompiledQuery']",
          message: 'Raw SQL text belongs in a `*.queries.ts` next to the feature (or the db/ machinery).',
        },
      ],
    },
  },
);

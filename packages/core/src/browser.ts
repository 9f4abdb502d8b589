/**
 * The part of core the browser may load: shapes (zod), formatting and period rules — nothing that
 * touches Node or the store. The web app imports only this, so a rule shown in the form is the
 * same rule the server applies.
 */
export * from './schemas.ts';
export * from './values/value-rule.ts';
export * from './roles.ts';
export * from './access/policy.ts';
export * from './accounts/account-schemas.ts';
export * from './forms/form-schemas.ts';
export * from './dashboard/dashboard-schemas.ts';
export * from './periods/period-schemas.ts';
export * from './units/unit-schemas.ts';
export * from './releases/release-schemas.ts';
export * from './quality/quality-schemas.ts';
export * from './quality/flag-schemas.ts';
export * from './quality/rule-schemas.ts';
export * from './reports/report-schemas.ts';
export * from './registries/registry-schemas.ts';
export * from './registries/registry-labels.ts';
export * from './format/number.ts';
export * from './format/date.ts';
export * from './org/org-name-schemas.ts';
export * from './periods/period.ts';
export * from './periods/period-text.ts';
export * from './format/labels.ts';
export * from './check/check-schemas.ts';
export * from './feeds/feed-schemas.ts';
export * from './infosystems/infosys-schemas.ts';
export * from './registries/task-schemas.ts';
export * from './notify/notify-schemas.ts';

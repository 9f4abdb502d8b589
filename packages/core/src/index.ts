/** The public surface of core: every rule of baocao, reused by the server, the CLI and the web app. */
export * from './errors.ts';
export * from './config.ts';
export { zodErrorList, zodFieldErrors } from './zod-errors.ts';
export { JSON_MAX_DEPTH, parseJsonExact } from './format/json-numbers.ts';
export { JSON_IN_THREAD_BYTES, readJsonBody } from './format/json-body.ts';
export * from './context.ts';
export * from './schemas.ts';
export * from './values/value-rule.ts';
export * from './access/access.ts';
export * from './access/policy.ts';
export * from './db/database.ts';
export { migrate } from './db/migrate.ts';
export * from './format/number.ts';
export * from './periods/period.ts';
export * from './periods/period-text.ts';
export * from './format/labels.ts';
export * from './catalog/indicators.ts';
export * from './units/units.ts';
export * from './units/unit-graph.ts';
export * from './units/provinces.ts';
export { submitValues, deleteValues, getValueHistory, countValues } from './values/values.ts';
export type { RawValueRow } from './values/validate.ts';
export * from './plans/plans.ts';
export * from './compare/compare.ts';
export * from './demo/init.ts';
export * from './demo/demo.ts';
export * from './imports/imports.ts';
export * from './imports/export.ts';
export * from './forms/template.ts';
export { parseValueFile, formatOf, type FileFormat } from './imports/parse-file.ts';
export { readValueFile } from './imports/parse-off-thread.ts';
export { FILE_LIMITS } from './imports/limits.ts';
export * from './values/locks.ts';
export * from './compare/pivot.ts';
export { loadCells } from './compare/cells.queries.ts';
export * from './values/rollups.ts';
export * from './compare/sentence.ts';
export * from './format/date.ts';
export * from './registries/doc-number.ts';
export * from './registries/registry-schemas.ts';
export * from './registries/registry-labels.ts';
export * from './registries/registries.ts';
export * from './org/org-name-schemas.ts';
export * from './org/org-names.ts';
export { MERGER_2025 } from './org/org-names-data.ts';
export * from './reports/report-schemas.ts';
export * from './reports/templates.ts';
export * from './reports/reports.ts';
export { getTask, taskAppearances } from './reports/task-links.ts';
export * from './reports/render.ts';
export { renderMarkdown, renderHtml } from './reports/render-text.ts';
export { renderDocx, DECREE30_PAGE } from './reports/render-docx.ts';
export { buildReportDoc } from './reports/build.ts';
export { figureRequests, templateFigureSpecs } from './reports/figures.ts';
export * from './check/check.ts';
export { textOfFile } from './check/text-of-file.ts';
export * from './roles.ts';
export * from './accounts/account-schemas.ts';
export * from './accounts/accounts.ts';
export { changeAccount } from './accounts/account-admin.ts';
export * from './forms/form-schemas.ts';
export { formIndicators, reportingUnits } from './forms/form-context.ts';
export * from './forms/forms.ts';
export * from './forms/review.ts';
export { reviewQueue } from './forms/review-queue.ts';
export * from './periods/reporting-periods.ts';
export * from './periods/period-schemas.ts';
export * from './units/unit-schemas.ts';
export * from './periods/visibility.ts';
export * from './releases/release.ts';
export * from './releases/release-period.ts';
export * from './releases/release-schemas.ts';
export * from './quality/quality-schemas.ts';
export {
  checkBounds,
  hardMax,
  populationBound,
  type CellBounds,
  type BoundFinding,
} from './quality/bounds.ts';
export { findOutliers, type OutlierBasis } from './quality/outliers.ts';
export { checkOutliers } from './quality/outlier-check.ts';
export { clearValueRange, listValueRanges, setValueRange } from './quality/ranges.ts';
export * from './quality/flag-schemas.ts';
export * from './quality/rule-schemas.ts';
export { listRules, saveRule, ruleHistory } from './quality/rules.ts';
export { collectFlags, ruleFlags, FLAG_SOURCES, type FlagSource, type FlagInput } from './quality/flags.ts';
export { validationAnalysis, exportValidationAnalysis } from './quality/validation-analysis.ts';
export * from './dashboard/dashboard-schemas.ts';
export * from './dashboard/dashboard.ts';
export * from './check/check-schemas.ts';
export * from './feeds/feed-schemas.ts';
export * from './feeds/feeds.ts';
export { botnetCounts } from './feeds/botnet-counts.ts';
export * from './feeds/prefixes.ts';
export * from './feeds/incidents.ts';
export { writeBackup, restoreBackup, type BackupCounts } from './backup/backup.ts';
export { checkBackupSource, checkBackupTarget } from './backup/backup-file.ts';
export { importDataValueSet } from './dhis2/dhis2-import.ts';
export { readDhis2Csv, readDhis2Xml, refuseDeepJson, type Dhis2Format } from './dhis2/dhis2-read.ts';
export { exportDataValueSet, dataValueSetCsv, dataValueSetXml } from './dhis2/dhis2-export.ts';
export { dhis2Metadata } from './dhis2/dhis2-metadata.ts';
export {
  Dhis2Id,
  Dhis2IdRow,
  listDhis2Ids,
  setDhis2Ids,
  domainsOf,
  type Domain,
} from './dhis2/dhis2-mapping.ts';
export { fromDhis2Period, toDhis2Period } from './dhis2/dhis2-periods.ts';
export * from './dhis2/dhis2-schemas.ts';
export { writeKeyedValues, type WriteStrategy, type KeyedWriteCount } from './values/keyed-write.ts';
export {
  DATA_FORMATS,
  STRUCTURE_TYPE,
  STRUCTURE_TYPES,
  type StructureFormat,
  negotiateDataFormat,
  negotiateStructureFormat,
  sdmxSchemaQuery,
  sdmxDataQuery,
  sdmxStructureQuery,
  type DataFormat,
} from './sdmx/sdmx-rest.ts';
export { importSdmxData } from './sdmx/sdmx-import.ts';
export { structureLanguage, type StructureLanguage } from './sdmx/sdmx-structure-json.ts';
export { fromSdmxPeriod, toSdmxPeriod, toSdmxId, fromSdmxId } from './sdmx/sdmx-model.ts';
export { openDatasetCsv, tableSchema } from './open-data/open-data.ts';
export { dataJson, dcatCatalog } from './open-data/catalog.ts';
export { withReplica } from './db/replica.ts';
export * from './infosystems/infosys-schemas.ts';
export {
  listInfosystems,
  declareInfosystems,
  approveInfosystems,
  returnInfosystem,
} from './infosystems/infosystems.ts';
export { infosystemFigures } from './infosystems/infosys-figures.ts';
export { importInfosystems } from './infosystems/infosys-import.ts';
export * from './registries/task-schemas.ts';
export { changeTaskStatus, overdueTasks, taskHistories } from './registries/task-history.ts';
export { INFOSYS } from './catalog/registry-indicators.ts';
export * from './notify/notify-schemas.ts';
export {
  listNotifications,
  readNotifications,
  getNotifyPreferences,
  setNotifyPreferences,
} from './notify/inbox.ts';
export { type NotifySettings, type Clock, notifySettings } from './notify/settings.ts';
export { type Mailer, createMailer, runQueue } from './notify/deliver.ts';
export { previewReminder, sendReminder } from './reminders/manual.ts';
export { planScheduled } from './reminders/schedule.ts';
export { type Notifier, startNotifier } from './reminders/notifier.ts';

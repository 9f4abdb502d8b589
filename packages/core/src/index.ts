/** The public surface of core: every rule of baocao, reused by the server, the CLI and the web app. */
export * from './errors.ts';
export * from './config.ts';
export { zodErrorList, zodFieldErrors } from './zod-errors.ts';
export { parseJsonExact } from './format/json-numbers.ts';
export * from './context.ts';
export * from './schemas.ts';
export * from './access/access.ts';
export { ACTIONS, Abilities, abilitiesOf, can } from './access/policy.ts';
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
export * from './values/rollups.ts';
export * from './compare/sentence.ts';
export * from './format/date.ts';
export * from './registries/doc-number.ts';
export * from './registries/registry-schemas.ts';
export * from './registries/registries.ts';
export * from './reports/report-schemas.ts';
export * from './reports/templates.ts';
export * from './reports/reports.ts';
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
export * from './forms/periods.ts';
export * from './releases/release.ts';
export * from './releasing/release-period.ts';
export * from './dashboard/dashboard-schemas.ts';
export * from './dashboard/dashboard.ts';
export * from './check/check-schemas.ts';
export * from './feeds/feed-schemas.ts';
export * from './feeds/feeds.ts';
export { botnetCounts } from './feeds/botnet-counts.ts';
export * from './feeds/prefixes.ts';
export * from './feeds/incidents.ts';
export { writeBackup, restoreBackup, type BackupCounts } from './backup/backup.ts';
export { importDataValueSet } from './dhis2/dhis2-import.ts';
export { readDhis2Csv, readDhis2Xml, refuseDeepJson, type Dhis2Format } from './dhis2/dhis2-read.ts';
export { exportDataValueSet, dataValueSetCsv, dataValueSetXml } from './dhis2/dhis2-export.ts';
export { dhis2Metadata } from './dhis2/dhis2-metadata.ts';
export { Dhis2Id, listDhis2Ids, setDhis2Ids, domainsOf, type Domain } from './dhis2/dhis2-mapping.ts';
export { fromDhis2Period, toDhis2Period } from './dhis2/dhis2-periods.ts';
export * from './dhis2/dhis2-schemas.ts';
export { writeKeyedValues, type WriteStrategy, type KeyedWriteCount } from './values/keyed-write.ts';
export {
  DATA_FORMATS,
  STRUCTURE_TYPE,
  negotiateDataFormat,
  negotiateStructureFormat,
  sdmxSchemaQuery,
  sdmxDataQuery,
  sdmxStructureQuery,
  type DataFormat,
} from './sdmx/sdmx-rest.ts';
export { importSdmxData } from './sdmx/sdmx-import.ts';
export { fromSdmxPeriod, toSdmxPeriod, toSdmxId, fromSdmxId } from './sdmx/sdmx-model.ts';
export { openDatasetCsv, tableSchema } from './open-data/open-data.ts';
export { dataJson, dcatCatalog } from './open-data/catalog.ts';
export { withReplica } from './db/replica.ts';

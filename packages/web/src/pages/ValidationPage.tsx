import {
  RuleImportance,
  type UnitView,
  type Violation,
  periodInReporting,
  violatedRelation,
} from '@baocao/core/browser';
import { Link } from 'react-router';
import { qs } from '../api.ts';
import { useApp } from '../app-context.tsx';
import { call, urlOf } from '../client.ts';
import { useFormat } from '../format.ts';
import { useLoad } from '../hooks.ts';
import { Empty, ErrorBox, Loading, useNumber } from '../ui.tsx';

const IMPORTANCE = ['', 'error', 'warning'] as const;
const FORMATS = ['csv', 'xlsx', 'json'] as const;
/** Operators as people read them; the pairs in words (both given or both missing; not both). */
const OPERATORS: Record<string, [string, string]> = {
  '==': ['=', '='],
  '!=': ['≠', '≠'],
  '<': ['<', '<'],
  '<=': ['≤', '≤'],
  '>': ['>', '>'],
  '>=': ['≥', '≥'],
  compulsory_pair: ['phải cùng có với', 'must come with'],
  exclusive_pair: ['không được cùng có với', 'must not come with'],
};

/** Decimals a figure has (up to 2), so 0,55 is not shown as 1 and 1.200.000 gets no ",00". */
const decimals = (x: number | null) => (x === null ? 0 : Math.min((String(x).split('.')[1] ?? '').length, 2));

/**
 * The units a person may read, as a tree (the country, the ministry and its departments, the
 * provinces), each indented below its parent: the part of the tree an analysis covers.
 */
function unitTree(units: UnitView[]): { unit: UnitView; depth: number }[] {
  const readable = units.filter((u) => u.abilities.read && u.validTo === null);
  const ids = new Set(readable.map((u) => u.id));
  const children = new Map<number | null, UnitView[]>();
  for (const u of readable) {
    const parent = u.parentId !== null && ids.has(u.parentId) ? u.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), u]);
  }
  const out: { unit: UnitView; depth: number }[] = [];
  const walk = (parent: number | null, depth: number) => {
    for (const u of (children.get(parent) ?? []).sort((a, b) => a.code.localeCompare(b.code))) {
      out.push({ unit: u, depth });
      walk(u.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

/**
 * Validation analysis before release: every broken rule of a period at and below a unit, with the
 * values compared and the reporter's explanation, filterable by importance and rule, exportable,
 * each linked to its form. The route shows only to users the server's pages allow (the board's).
 */
export function ValidationPage() {
  const { t, lang, query, navigate } = useApp();
  const fmt = useFormat();
  const periods = useLoad(['GET /api/periods'], () => call('GET /api/periods'));
  const units = useLoad(['GET /api/units'], () => call('GET /api/units'));
  const rules = useLoad(['GET /api/rules'], () => call('GET /api/rules'));
  const filters = {
    period: query.get('period') ?? periodInReporting(periods.data ?? [])?.period ?? '',
    unit: query.get('unit') ?? 'VN',
    importance: query.get('importance') ?? '',
    rule: query.get('rule') ?? '',
  };
  const set = (k: keyof typeof filters, v: string) => navigate(`/quality?${qs({ ...filters, [k]: v })}`);
  const q = {
    period: filters.period,
    unit: filters.unit,
    importance: RuleImportance.safeParse(filters.importance).data,
    rule: filters.rule || undefined,
  };
  const analysis = useLoad(['GET /api/quality/violations', q], () =>
    q.period ? call('GET /api/quality/violations', { query: q }) : Promise.resolve(null),
  );
  if (periods.loading && !periods.data) return <Loading />;
  const a = analysis.data;
  const importanceLabel = (i: string) =>
    i === 'error' ? t('Lỗi', 'Error') : i === 'warning' ? t('Cảnh báo', 'Warning') : t('Tất cả', 'All');
  return (
    <section>
      <h1>{t('Phân tích kiểm tra số liệu', 'Validation analysis')}</h1>
      <p className="muted">
        {t(
          'Mọi vi phạm quy tắc kiểm tra của kỳ, tại đơn vị đã chọn và các đơn vị trực thuộc — xem trước khi công bố.',
          'Every broken validation rule of the period at the chosen unit and below it — check before release.',
        )}
      </p>
      <ErrorBox error={periods.error ?? units.error ?? rules.error ?? analysis.error} />
      <div className="toolbar">
        <label>
          {t('Kỳ báo cáo', 'Period')}{' '}
          <select value={filters.period} onChange={(e) => set('period', e.target.value)}>
            {periods.data?.map((p) => (
              <option key={p.period} value={p.period}>
                {fmt.period(p.period)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('Đơn vị', 'Unit')}{' '}
          <select value={filters.unit} onChange={(e) => set('unit', e.target.value)}>
            {unitTree(units.data ?? []).map(({ unit, depth }) => (
              <option key={unit.code} value={unit.code}>
                {`${'\u00a0\u00a0'.repeat(depth)}${lang === 'en' ? (unit.nameEn ?? unit.nameVi) : unit.nameVi}`}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('Mức độ', 'Importance')}{' '}
          <select value={filters.importance} onChange={(e) => set('importance', e.target.value)}>
            {IMPORTANCE.map((i) => (
              <option key={i} value={i}>
                {importanceLabel(i)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('Quy tắc', 'Rule')}{' '}
          <select value={filters.rule} onChange={(e) => set('rule', e.target.value)}>
            <option value="">{t('Tất cả quy tắc', 'All rules')}</option>
            {(rules.data ?? []).map((r) => (
              <option key={r.code} value={r.code}>
                {lang === 'en' ? r.nameEn : r.nameVi}
              </option>
            ))}
          </select>
        </label>
      </div>
      {a && (
        <p className="toolbar" data-counts>
          <span role="status">
            {t(
              '{error} lỗi, {warning} cảnh báo tại {units} đơn vị',
              '{error} error(s), {warning} warning(s) in {units} unit(s)',
              a.counts,
            )}
          </span>{' '}
          <span className="muted">{t('Tải xuống:', 'Download:')}</span>{' '}
          {FORMATS.map((format) => (
            <a
              key={format}
              className="button"
              href={urlOf('GET /api/quality/violations/export', { query: { ...q, format } })}
              download
            >
              {format.toUpperCase()}
            </a>
          ))}
        </p>
      )}
      {analysis.loading && <Loading />}
      {a && a.violations.length === 0 && <Empty>{t('Không có vi phạm nào.', 'No violations.')}</Empty>}
      {a && a.violations.length > 0 && (
        <table className="grid stack">
          <thead>
            <tr>
              <th>{t('Quy tắc', 'Rule')}</th>
              <th>{t('Đơn vị', 'Unit')}</th>
              <th>{t('Chỉ tiêu', 'Indicator')}</th>
              <th>{t('Giá trị so sánh', 'Values compared')}</th>
              <th>{t('Mức độ', 'Importance')}</th>
              <th>{t('Giải trình', 'Explanation')}</th>
              <th>
                <span className="visually-hidden">{t('Thao tác', 'Action')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {a.violations.map((v: Violation) => (
              <tr key={`${v.unit}|${v.rule}`} data-violation={`${v.unit}|${v.rule}`}>
                <th scope="row">
                  {lang === 'en' ? v.nameEn : v.nameVi}
                  <div className="muted small">{v.rule}</div>
                </th>
                <td data-label={t('Đơn vị', 'Unit')}>{v.unitName}</td>
                <td data-label={t('Chỉ tiêu', 'Indicator')}>{v.indicator}</td>
                <td data-label={t('Giá trị so sánh', 'Values compared')} className="num">
                  <Compared v={v} />
                </td>
                <td data-label={t('Mức độ', 'Importance')}>
                  <span className={`badge badge-${v.importance === 'error' ? 'returned' : 'submitted'}`}>
                    {importanceLabel(v.importance)}
                  </span>
                </td>
                <td data-label={t('Giải trình', 'Explanation')}>
                  {v.explanation ?? <span className="muted">{t('(chưa có)', '(none)')}</span>}
                </td>
                <td>
                  <Link to={`/forms/${v.unit}/${v.period}`}>{t('Mở biểu mẫu', 'Open the form')}</Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/**
 * The two sides of a broken rule as they are ("1.000.000 < 1.400.000"), with what the rule asks
 * beside them ("phải ≥"): printing the rule's own relation between values that break it would state
 * something false.
 */
function Compared({ v }: { v: Violation }) {
  const { t } = useApp();
  const num = useNumber();
  const sign = (op: string) => t(...(OPERATORS[op] ?? [op, op]));
  const holds = violatedRelation(v.operator);
  return (
    <>
      {num(v.left, decimals(v.left))} {sign(holds ?? v.operator)} {num(v.right, decimals(v.right))}
      {holds && (
        <div className="muted small">
          {t('phải', 'must be')} {sign(v.operator)}
        </div>
      )}
    </>
  );
}

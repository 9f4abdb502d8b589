import {
  type Indicator,
  IndicatorKind,
  UnitKind,
  readValue,
  INDICATOR_KIND_LABELS,
  UNIT_KIND_LABELS,
} from '@baocao/core/browser';
import { useState } from 'react';
import { useApp } from '../app-context.tsx';
import { useFormat } from '../format.ts';
import { useAction, useLoad } from '../hooks.ts';
import { ErrorBox, useNumber } from '../ui.tsx';
import { call } from '../client.ts';

const text = (f: FormData, k: string) => String(f.get(k) ?? '').trim();

/** The catalog, the org units and the annual plans, each edited all-or-nothing through the API. */
export function CatalogPanel() {
  const { t, lang } = useApp();
  const fmt = useFormat();
  const num = useNumber();
  const indicators = useLoad(['GET /api/indicators'], () => call('GET /api/indicators'));
  const [year, setYear] = useState(new Date().getFullYear());
  const plans = useLoad(['GET /api/plans', year], () =>
    call('GET /api/plans', { query: { year: String(year) } }),
  );
  const [editing, setEditing] = useState<Indicator | null>(null);
  const action = useAction();
  const { error, notice } = action;
  const run = async (fn: () => Promise<unknown>, done: string, e: React.FormEvent<HTMLFormElement>) => {
    const form = e.currentTarget;
    if (await action.run(fn, done)) {
      form.reset();
      indicators.reload();
      plans.reload();
    }
  };
  const saveIndicator = (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const body = {
      ...(editing ?? { acrossUnits: 'sum', domain: 'khác' }),
      code: text(f, 'code'),
      nameVi: text(f, 'nameVi'),
      nameEn: text(f, 'nameEn'),
      unitVi: text(f, 'unitVi'),
      precision: Number(text(f, 'precision') || 0),
      kind: IndicatorKind.parse(text(f, 'kind')),
    };
    run(() => call('PUT /api/indicators', { body: [body] }), t('Đã lưu chỉ tiêu', 'Indicator saved'), e);
  };
  return (
    <div className="card">
      <h2>{t('Danh mục chỉ tiêu, đơn vị, kế hoạch năm', 'Catalog, units and annual plans')}</h2>
      <ErrorBox error={error ?? indicators.error} />
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      <label>
        {t('Sửa chỉ tiêu', 'Edit an indicator')}{' '}
        <select
          value={editing?.code ?? ''}
          onChange={(e) => setEditing(indicators.data?.find((i) => i.code === e.target.value) ?? null)}
        >
          <option value="">{t('— chỉ tiêu mới —', '— new indicator —')}</option>
          {indicators.data?.map((i) => (
            <option key={i.code} value={i.code}>
              {lang === 'en' ? i.nameEn : i.nameVi} ({i.code})
            </option>
          ))}
        </select>
      </label>
      <form key={editing?.code ?? 'new'} onSubmit={saveIndicator} className="inline-form">
        <label>
          {t('Mã', 'Code')} <input name="code" required defaultValue={editing?.code} readOnly={!!editing} />
        </label>
        <label>
          {t('Tên', 'Name')} <input name="nameVi" required defaultValue={editing?.nameVi} />
        </label>
        <label>
          {t('Tên tiếng Anh', 'English name')} <input name="nameEn" required defaultValue={editing?.nameEn} />
        </label>
        <label>
          {t('Đơn vị tính', 'Unit')} <input name="unitVi" required defaultValue={editing?.unitVi} size={10} />
        </label>
        <label>
          {t('Số chữ số thập phân', 'Decimals')}{' '}
          <input name="precision" type="number" min={0} max={6} defaultValue={editing?.precision ?? 0} />
        </label>
        <label>
          {t('Loại', 'Kind')}{' '}
          <select name="kind" defaultValue={editing?.kind ?? 'flow'}>
            {IndicatorKind.options.map((k) => (
              <option key={k} value={k}>
                {fmt.label(INDICATOR_KIND_LABELS, k)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">{t('Lưu chỉ tiêu', 'Save indicator')}</button>
      </form>
      <h3>{t('Thêm đơn vị', 'Add an org unit')}</h3>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          const f = new FormData(e.currentTarget);
          const unit = {
            code: text(f, 'code').toUpperCase(),
            nameVi: text(f, 'nameVi'),
            kind: UnitKind.parse(text(f, 'kind')),
            parentCode: text(f, 'parent').toUpperCase() || 'VN',
            validFrom: text(f, 'validFrom') || null,
          };
          run(() => call('POST /api/units', { body: [unit] }), t('Đã thêm đơn vị', 'Unit added'), e);
        }}
      >
        <label>
          {t('Mã', 'Code')} <input name="code" required size={10} />
        </label>
        <label>
          {t('Tên', 'Name')} <input name="nameVi" required />
        </label>
        <label>
          {t('Loại', 'Kind')}{' '}
          <select name="kind">
            {UnitKind.options
              .filter((k) => k !== 'country')
              .map((k) => (
                <option key={k} value={k}>
                  {fmt.label(UNIT_KIND_LABELS, k)}
                </option>
              ))}
          </select>
        </label>
        <label>
          {t('Mã đơn vị cha', 'Parent code')} <input name="parent" placeholder="VN" size={8} />
        </label>
        <label>
          {t('Hiệu lực từ', 'Valid from')} <input name="validFrom" type="date" />
        </label>
        <button type="submit">{t('Thêm đơn vị', 'Add unit')}</button>
      </form>
      <h3>
        {t('Kế hoạch năm', 'Annual plan')}{' '}
        <input
          type="number"
          aria-label={t('Năm', 'Year')}
          value={year}
          onChange={(e) => setYear(Number(e.target.value))}
          style={{ width: '6rem' }}
        />
      </h3>
      <table className="grid small">
        <tbody>
          {plans.data?.map((p) => (
            <tr key={p.indicator + p.unit}>
              <td>{p.indicator}</td>
              <td>{p.unit}</td>
              <td className="num">
                {num(p.value, indicators.data?.find((i) => i.code === p.indicator)?.precision ?? 0)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          const f = new FormData(e.currentTarget);
          const item = {
            indicator: text(f, 'indicator'),
            unit: text(f, 'unit').toUpperCase() || 'VN',
            year,
            value: planValue(text(f, 'value')),
          };
          run(() => call('PUT /api/plans', { body: [item] }), t('Đã đặt kế hoạch', 'Plan set'), e);
        }}
      >
        <label>
          {t('Chỉ tiêu', 'Indicator')}{' '}
          <select name="indicator">
            {indicators.data?.map((i) => (
              <option key={i.code} value={i.code}>
                {i.code}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('Đơn vị', 'Unit')} <input name="unit" placeholder="VN" size={8} />
        </label>
        <label>
          {t('Giá trị', 'Value')} <input name="value" required inputMode="decimal" />
        </label>
        <button type="submit">{t('Đặt kế hoạch', 'Set plan')}</button>
      </form>
    </div>
  );
}

/** A plan target typed in Vietnamese notation (`15.000`, `4.245.382,5`), by the one number rule; NaN refuses it. */
function planValue(text: string): number {
  const r = readValue(text, { valueDecimals: 6, nonNegative: true, maxValue: null }, 'vi');
  return 'value' in r ? r.value : Number.NaN;
}

import {
  type FeedImportResult,
  monthIndexOfDate,
  parsePeriod,
  periodFromMonths,
  periodLabelEn,
  periodLabelVi,
  todayInVietnam,
} from '@baocao/core/browser';
import { useState } from 'react';
import { qs } from '../api.ts';
import { useApp } from '../app-context.tsx';
import { useLoad } from '../hooks.ts';
import { ErrorBox, Loading, useNumber } from '../ui.tsx';
import { PeriodPicker } from '../period-picker.tsx';
import { type Answer, call, upload } from '../client.ts';

/** A file sent to one import endpoint, with what the server made of it (or why it refused it). */
function Upload<
  K extends 'POST /api/feeds/botnet' | 'POST /api/feeds/prefixes' | 'POST /api/feeds/incidents',
>(props: {
  title: string;
  hint: string;
  accept: string;
  route: K;
  onDone(): void;
  show(result: Answer<K>): React.ReactNode;
}) {
  const { t } = useApp();
  const [busy, setBusy] = useState('');
  const [result, setResult] = useState<Answer<K> | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const send = async (file: File) => {
    setBusy(t(`Đang tải lên ${file.name}…`, `Uploading ${file.name}…`));
    setError(null);
    setResult(null);
    try {
      setResult(
        await upload(props.route, { query: { filename: file.name } }, file, (sent, total) =>
          setBusy(
            sent < total
              ? t(
                  `Đang tải lên ${file.name}: ${Math.floor((100 * sent) / total)}%`,
                  `Uploading ${file.name}: ${Math.floor((100 * sent) / total)}%`,
                )
              : t(`Đang xử lý ${file.name}…`, `Processing ${file.name}…`),
          ),
        ),
      );
      props.onDone();
    } catch (e) {
      setError(e instanceof Error ? e : new Error(String(e)));
    } finally {
      setBusy('');
    }
  };
  return (
    <div className="card">
      <h2>{props.title}</h2>
      <p className="muted">{props.hint}</p>
      <label>
        {t('Chọn tệp', 'Choose a file')}{' '}
        <input
          type="file"
          accept={props.accept}
          disabled={!!busy}
          onChange={(e) => e.target.files?.[0] && send(e.target.files[0])}
        />
      </label>
      {busy && <p role="status">{busy}</p>}
      <ErrorBox error={error} />
      {result && <div role="status">{props.show(result)}</div>}
    </div>
  );
}

/** What a botnet feed held and added, with its malformed lines by number. */
function FeedResult({ r }: { r: FeedImportResult }) {
  const { t, lang } = useApp();
  const num = useNumber();
  if (r.alreadyImported)
    return (
      <p>
        {t(
          `${r.filename} đã được nạp trước đây: không thay đổi gì.`,
          `${r.filename} was imported before: nothing changed.`,
        )}
      </p>
    );
  return (
    <>
      <p>
        {t(
          `${num(r.lines)} dòng: ${num(r.observations)} quan sát hợp lệ, ${num(r.malformed)} dòng lỗi; ${num(r.newAddresses)} địa chỉ mới.`,
          `${num(r.lines)} lines: ${num(r.observations)} valid observations, ${num(r.malformed)} malformed; ${num(r.newAddresses)} new addresses.`,
        )}
      </p>
      <ul>
        {r.months.map((m) => (
          <li key={m.period}>
            {(lang === 'en' ? periodLabelEn : periodLabelVi)(parsePeriod(m.period))}: {num(m.distinct)}{' '}
            {t('địa chỉ khác nhau', 'distinct addresses')}
          </li>
        ))}
      </ul>
      {r.malformedLines.length > 0 && (
        <p>
          {t(
            `Các dòng lỗi (không được tính)${r.malformed > 20 ? ', 20 dòng đầu' : ''}:`,
            `Malformed lines (not counted)${r.malformed > 20 ? ', the first 20' : ''}:`,
          )}
        </p>
      )}
      {r.malformedLines.length > 0 && (
        <ul className="findings" aria-label={t('Dòng lỗi', 'Malformed lines')}>
          {r.malformedLines.slice(0, 20).map((m) => (
            <li key={m.line}>
              {t('Dòng', 'Line')} {m.line}: {m.reason.split(' / ')[lang === 'en' ? 1 : 0] ?? m.reason}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** Addresses per province or per operator. */
function CountTable({
  head,
  rows,
}: {
  head: string;
  rows: { code: string; label: string; count: number }[];
}) {
  const { t } = useApp();
  const num = useNumber();
  return (
    <table className="grid">
      <thead>
        <tr>
          <th>{head}</th>
          <th>{t('Địa chỉ', 'Addresses')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.code}>
            <td>{r.label}</td>
            <td className="num">{num(r.count)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Last month: the latest the feeds can be complete for (the period rules of core, not date arithmetic here). */
const lastMonth = (): string => {
  const m = monthIndexOfDate(todayInVietnam()) - 1;
  return periodFromMonths(m, m).id;
};

/**
 * Cyber-security feeds: officers load botnet observation feeds, the IP-prefix table and incident
 * records; everyone with national access sees a period's distinct infected addresses and incidents.
 */
export function FeedsPage() {
  const { t, can, query, navigate } = useApp();
  const num = useNumber();
  const period = query.get('period') ?? lastMonth();
  const setPeriod = (p: string) => navigate(`/feeds?${qs({ period: p })}`);
  const botnet = useLoad(['GET /api/feeds/botnet', period], () =>
    call('GET /api/feeds/botnet', { query: { period } }),
  );
  const incidents = useLoad(['GET /api/feeds/incidents', period], () =>
    call('GET /api/feeds/incidents', { query: { period } }),
  );
  const provinces = useLoad(['GET /api/units', 'province'], () =>
    call('GET /api/units', { query: { kind: 'province' } }),
  );
  const nameOf = (code: string) => provinces.data?.find((u) => u.code === code)?.nameVi ?? code;
  const reload = () => {
    botnet.reload();
    incidents.reload();
  };
  const canLoad = can('value.write');
  return (
    <section>
      <h1>{t('An toàn thông tin: nguồn dữ liệu', 'Cyber-security feeds')}</h1>
      <PeriodPicker value={period} onChange={setPeriod} />
      <div className="card" data-testid="botnet-counts">
        <h2>{t('Địa chỉ IP botnet', 'Botnet IP addresses')}</h2>
        <ErrorBox error={botnet.error} />
        {botnet.loading && <Loading />}
        {botnet.data && (
          <>
            <p>
              {t('Cả nước', 'Nationally')}: <strong>{num(botnet.data.national)}</strong>{' '}
              {t('địa chỉ khác nhau', 'distinct addresses')}
              {botnet.data.unmapped > 0 &&
                t(
                  ` (${num(botnet.data.unmapped)} ngoài bảng tiền tố)`,
                  ` (${num(botnet.data.unmapped)} outside the prefix table)`,
                )}
            </p>
            <div className="columns">
              <CountTable
                head={t('Tỉnh, thành phố', 'Province')}
                rows={botnet.data.byProvince.map((p) => ({ ...p, label: nameOf(p.code) }))}
              />
              <CountTable
                head={t('Nhà mạng', 'Operator')}
                rows={botnet.data.byOperator.map((p) => ({ ...p, label: p.code }))}
              />
            </div>
          </>
        )}
      </div>
      <div className="card">
        <h2>{t('Sự cố tấn công mạng', 'Cyber-attack incidents')}</h2>
        <ErrorBox error={incidents.error} />
        {incidents.data && (
          <p>
            {t('Tổng', 'Total')}: <strong>{num(incidents.data.total)}</strong> — {t('lừa đảo', 'phishing')}{' '}
            {num(incidents.data.byType.phishing)}, {t('thay đổi giao diện', 'defacement')}{' '}
            {num(incidents.data.byType.defacement)}, {t('mã độc', 'malware')}{' '}
            {num(incidents.data.byType.malware)}, {t('khác', 'other')} {num(incidents.data.byType.other)}
          </p>
        )}
      </div>
      {canLoad && (
        <>
          <Upload
            title={t('Nạp nguồn quan sát botnet', 'Load a botnet observation feed')}
            hint={t(
              'CSV (ip,seen_at,source[,asn,malware]) hoặc NDJSON, có thể nén gzip. Mỗi địa chỉ chỉ đếm một lần mỗi tháng; nạp lại cùng tệp không thay đổi gì.',
              'CSV (ip,seen_at,source[,asn,malware]) or NDJSON, gzip accepted. Each address counts once a month; loading the same file again changes nothing.',
            )}
            accept=".csv,.ndjson,.json,.gz,.txt"
            route="POST /api/feeds/botnet"
            onDone={reload}
            show={(r) => <FeedResult r={r} />}
          />
          <Upload
            title={t('Bảng tiền tố IP', 'IP-prefix table')}
            hint={t(
              'CSV prefix,operator,province (CIDR, nhà mạng, mã tỉnh). Thay toàn bộ bảng và tính lại số địa chỉ botnet của các tỉnh.',
              'CSV prefix,operator,province (CIDR, operator, province code). Replaces the whole table and recomputes the provinces’ botnet figures.',
            )}
            accept=".csv"
            route="POST /api/feeds/prefixes"
            onDone={reload}
            show={(r) =>
              t(
                `Đã nạp ${num(r.prefixes)} tiền tố; tính lại ${num(r.valuesWritten)} số liệu, bỏ ${num(r.valuesRemoved)} số liệu tỉnh không còn địa chỉ.`,
                `Loaded ${num(r.prefixes)} prefixes; recomputed ${num(r.valuesWritten)} figures, removed ${num(r.valuesRemoved)} province figures with no address left.`,
              )
            }
          />
          <Upload
            title={t('Nạp sự cố tấn công mạng', 'Load incident records')}
            hint={t(
              'CSV ref,date,type,sector,province,status. Nạp lại cập nhật theo ref, không nhân đôi.',
              'CSV ref,date,type,sector,province,status. Loading again updates by ref, never duplicates.',
            )}
            accept=".csv"
            route="POST /api/feeds/incidents"
            onDone={reload}
            show={(r) =>
              t(
                `Đã nạp ${num(r.records)} sự cố của ${num(r.months)} tháng.`,
                `Loaded ${num(r.records)} incidents over ${num(r.months)} months.`,
              )
            }
          />
        </>
      )}
    </section>
  );
}

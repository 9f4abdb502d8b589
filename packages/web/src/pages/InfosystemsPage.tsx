import { type Infosystem, PROTECTION_LABELS, ProtectionStatus } from '@baocao/core/browser';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useApp } from '../app-context.tsx';
import { call, upload } from '../client.ts';
import { useFormat } from '../format.ts';
import { useAction, useLoad } from '../hooks.ts';
import { Empty, ErrorBox, Loading, Status } from '../ui.tsx';
import { InfosystemFiguresCard, OverdueTasksCard } from './InfosystemFigures.tsx';

const LEVELS = [1, 2, 3, 4, 5];
type Field = [name: string, vi: string, en: string, type: 'text' | 'date' | 'level' | 'protection'];
const FIELDS: Field[] = [
  ['name', 'Tên hệ thống', 'System name', 'text'],
  ['purpose', 'Mục đích sử dụng', 'Purpose', 'text'],
  ['proposedLevel', 'Cấp độ đề xuất', 'Proposed level', 'level'],
  ['approvedLevel', 'Cấp độ được phê duyệt', 'Approved level', 'level'],
  ['decisionNumber', 'Số quyết định phê duyệt', 'Decision number', 'text'],
  ['decisionDate', 'Ngày quyết định', 'Decision date', 'date'],
  ['approver', 'Người, cơ quan phê duyệt', 'Approved by', 'text'],
  ['protection', 'Bảo đảm an toàn theo cấp độ', 'Protection to level', 'protection'],
  ['deployedOn', 'Ngày triển khai xong', 'Deployed on', 'date'],
  ['lastCheckOn', 'Kiểm tra, diễn tập gần nhất', 'Last check or drill', 'date'],
  ['inServiceFrom', 'Đưa vào vận hành', 'In service from', 'date'],
  ['retiredOn', 'Dừng vận hành', 'Retired on', 'date'],
];

/** One system declared from the form: empty fields left out, levels as numbers. */
function fromForm(f: FormData, owner: string): Record<string, unknown> {
  const out: Record<string, unknown> = { owner };
  for (const [name, , , type] of FIELDS) {
    const v = String(f.get(name) ?? '').trim();
    if (v) out[name] = type === 'level' ? Number(v) : v;
  }
  return out;
}

function DeclareForm({ owner, onDone }: { owner: string | null; onDone(): Promise<void> }) {
  const { t } = useApp();
  const fmt = useFormat();
  const { error, notice, run } = useAction();
  const submit = async (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const f = new FormData(form);
    const unit = owner ?? String(f.get('owner') ?? '').trim();
    const ok = await run(
      () => call('POST /api/infosystems', { body: { items: [fromForm(f, unit)] } }),
      t('Đã gửi kê khai, chờ cán bộ duyệt.', 'Declared; waiting for an officer’s approval.'),
    );
    if (ok) {
      form.reset();
      await onDone();
    }
  };
  return (
    <form className="card" onSubmit={submit} aria-labelledby="declare-h">
      <h2 id="declare-h">{t('Kê khai hệ thống thông tin', 'Declare an information system')}</h2>
      {!owner && (
        <label>
          {t('Mã đơn vị chủ quản', 'Owner unit code')} <input name="owner" required />
        </label>
      )}
      {FIELDS.map(([name, vi, en, type]) => (
        <label key={name}>
          {t(vi, en)}{' '}
          {type === 'level' ? (
            <select
              name={name}
              defaultValue={name === 'proposedLevel' ? '2' : ''}
              required={name === 'proposedLevel'}
            >
              {name !== 'proposedLevel' && <option value="">{t('(chưa có)', '(none)')}</option>}
              {LEVELS.map((n) => (
                <option key={n} value={n}>
                  {t(`Cấp độ ${n}`, `Level ${n}`)}
                </option>
              ))}
            </select>
          ) : type === 'protection' ? (
            <select name={name} defaultValue="planned">
              {ProtectionStatus.options.map((p) => (
                <option key={p} value={p}>
                  {fmt.label(PROTECTION_LABELS, p)}
                </option>
              ))}
            </select>
          ) : (
            <input name={name} type={type} required={name === 'name'} />
          )}
        </label>
      ))}
      <button type="submit">{t('Gửi kê khai', 'Declare')}</button>
      {notice && <p role="status">{notice}</p>}
      <ErrorBox error={error} />
    </form>
  );
}

function ImportCard({ onDone }: { onDone(): Promise<void> }) {
  const { t } = useApp();
  const { error, notice, run } = useAction();
  const send = (file: File) =>
    run(
      async () => {
        const r = await upload('POST /api/infosystems/import', { query: { filename: file.name } }, file);
        await onDone();
        return r;
      },
      t(
        `Đã nạp ${file.name}; các hệ thống chờ duyệt.`,
        `${file.name} imported; the systems wait for approval.`,
      ),
    );
  return (
    <div className="card">
      <h2>{t('Nhập danh mục từ bảng tính', 'Import from a spreadsheet')}</h2>
      <p className="muted">
        {t(
          'Tệp CSV hoặc XLSX, mỗi dòng một hệ thống: Mã đơn vị, Tên hệ thống, Cấp độ đề xuất… Có lỗi thì không dòng nào được ghi.',
          'A CSV or XLSX file, one system a row: owner, name, proposedLevel… Any error and no row is written.',
        )}
      </p>
      <label>
        {t('Chọn tệp', 'Choose a file')}{' '}
        <input
          type="file"
          accept=".csv,.xlsx"
          onChange={(e) => e.target.files?.[0] && send(e.target.files[0])}
        />
      </label>
      {notice && <p role="status">{notice}</p>}
      <ErrorBox error={error} />
    </div>
  );
}

function SystemRow({ s, reviewer, onDone }: { s: Infosystem; reviewer: boolean; onDone(): Promise<void> }) {
  const { t } = useApp();
  const fmt = useFormat();
  const { error, run } = useAction();
  const rec = s.pending ?? s.approved;
  const approve = () =>
    run(async () => (await call('POST /api/infosystems/approve', { body: { ids: [s.id] } }), onDone()));
  const giveBack = () => {
    const reason = window.prompt(t('Lý do trả lại', 'Why is it returned?')) ?? '';
    return run(async () => {
      await call('POST /api/infosystems/:id/return', { params: { id: s.id }, body: { reason } });
      await onDone();
    });
  };
  return (
    <tr>
      <td data-label={t('Hệ thống', 'System')}>
        <strong>{s.name}</strong> <small>{s.ownerName}</small>
      </td>
      <td data-label={t('Cấp độ', 'Level')}>
        {rec?.approvedLevel
          ? t(`Cấp độ ${rec.approvedLevel} (đã phê duyệt)`, `Level ${rec.approvedLevel} (approved)`)
          : t(
              `Cấp độ ${rec?.proposedLevel ?? '—'} (đề xuất)`,
              `Level ${rec?.proposedLevel ?? '—'} (proposed)`,
            )}
      </td>
      <td data-label={t('Bảo đảm an toàn', 'Protection')}>
        {rec ? fmt.label(PROTECTION_LABELS, rec.protection) : '—'}
      </td>
      <td data-label={t('Trạng thái', 'State')}>
        <Status status={s.state} />
        {s.comment && <div className="muted">{s.comment}</div>}
      </td>
      <td data-label={t('Thao tác', 'Actions')}>
        {reviewer && s.state === 'submitted' ? (
          <>
            <button type="button" onClick={approve}>
              {t('Duyệt', 'Approve')}
            </button>{' '}
            <button type="button" className="link" onClick={giveBack}>
              {t('Trả lại', 'Return')}
            </button>
          </>
        ) : null}
        <ErrorBox error={error} />
      </td>
    </tr>
  );
}

/** The registry of information systems by security level: declare, import, review, and its figures. */
export function InfosystemsPage() {
  const { t, can, pages, user } = useApp();
  const list = useLoad(['GET /api/infosystems'], () => call('GET /api/infosystems', { query: {} }));
  const reviewer = can('form.review');
  const cache = useQueryClient();
  // An approval moves the figures: the registry's own and every dashboard's.
  const refresh = async () => {
    await Promise.all([
      list.reload(),
      cache.invalidateQueries({ queryKey: ['GET /api/infosystems/figures'] }),
      cache.invalidateQueries({ queryKey: ['GET /api/dashboard'] }),
    ]);
  };
  // The national figures are for those who follow every unit: the server gives them the board.
  const national = !!pages?.board;
  const [shown, setShown] = useState<'all' | 'submitted'>('all');
  const rows = (list.data ?? []).filter((s) => shown === 'all' || s.state === 'submitted');
  return (
    <>
      <h1>{t('Hệ thống thông tin theo cấp độ', 'Information systems by security level')}</h1>
      {national && <InfosystemFiguresCard />}
      <div className="card">
        <h2>{t('Danh mục hệ thống', 'Systems')}</h2>
        <label>
          {t('Hiển thị', 'Show')}{' '}
          <select
            value={shown}
            onChange={(e) => setShown(e.target.value === 'submitted' ? 'submitted' : 'all')}
          >
            <option value="all">{t('Tất cả', 'All')}</option>
            <option value="submitted">{t('Chờ duyệt', 'Waiting for approval')}</option>
          </select>
        </label>
        {list.loading && !list.data ? <Loading /> : null}
        <ErrorBox error={list.error} />
        {list.data && !rows.length ? <Empty>{t('Chưa có hệ thống nào', 'No systems yet')}</Empty> : null}
        {rows.length > 0 && (
          <table className="grid stack">
            <caption>{t('Hệ thống thông tin đã kê khai', 'Declared information systems')}</caption>
            <thead>
              <tr>
                <th>{t('Hệ thống', 'System')}</th>
                <th>{t('Cấp độ', 'Level')}</th>
                <th>{t('Bảo đảm an toàn', 'Protection')}</th>
                <th>{t('Trạng thái', 'State')}</th>
                <th>{t('Thao tác', 'Actions')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((s) => (
                <SystemRow key={s.id} s={s} reviewer={reviewer} onDone={refresh} />
              ))}
            </tbody>
          </table>
        )}
      </div>
      {can('form.write') && <DeclareForm owner={user?.unit ?? null} onDone={list.reload} />}
      {can('form.write') && <ImportCard onDone={list.reload} />}
      {national && <OverdueTasksCard />}
    </>
  );
}

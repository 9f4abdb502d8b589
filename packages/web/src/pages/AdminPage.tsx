import {
  PERIOD_STATE_LABELS,
  ROLES,
  ROLE_LABELS,
  UserInput,
  monthIndexOfDate,
  periodFromMonths,
  todayInVietnam,
} from '@baocao/core/browser';
import { ApiError } from '../api.ts';
import { useApp } from '../app-context.tsx';
import { useAction, useLoad } from '../hooks.ts';
import { useState } from 'react';
import { useFormat } from '../format.ts';
import { PeriodPicker } from '../period-picker.tsx';
import { ErrorBox, Loading } from '../ui.tsx';
import { CatalogPanel } from './CatalogPanel.tsx';
import { RulesPanel } from './RulesPanel.tsx';
import { RangesPanel } from './RangesPanel.tsx';
import { InteropPanel } from './InteropPanel.tsx';
import { OrgNamesPanel } from './OrgNamesPanel.tsx';
import { call } from '../client.ts';

/** Reporting periods (open, deadline, close, publish their figures) and, for administrators, accounts. */
export function AdminPage() {
  const { t, user, can } = useApp();
  const fmt = useFormat();
  // The month to open: last month by default (the latest that has ended, the one units report now).
  const [toOpen, setToOpen] = useState(() => {
    const last = monthIndexOfDate(todayInVietnam()) - 1;
    return periodFromMonths(last, last).id;
  });
  const periods = useLoad(['GET /api/periods'], () =>
    can('period.open') ? call('GET /api/periods') : Promise.resolve([]),
  );
  const users = useLoad(['GET /api/users', user?.username], () =>
    can('user.manage') ? call('GET /api/users') : Promise.resolve([]),
  );
  // Accounts name their unit; the form offers units by name, in force today (never a typed code).
  const units = useLoad(['GET /api/units', 'today'], () =>
    can('user.manage') ? call('GET /api/units', { query: { at: todayInVietnam() } }) : Promise.resolve([]),
  );
  const unitName = new Map((units.data ?? []).map((u) => [u.code, u.nameVi]));
  const [resetFor, setResetFor] = useState<string | null>(null);
  const { error, notice, run } = useAction();
  const act = async (fn: () => Promise<unknown>, done: string) => {
    if (await run(fn, done)) {
      periods.reload();
      users.reload();
    }
  };
  const form = (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    return new FormData(e.currentTarget);
  };
  return (
    <section>
      <h1>{t('Quản trị', 'Administration')}</h1>
      <ErrorBox error={error ?? periods.error} />
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      {can('period.open') && (
        <div className="card">
          <h2>{t('Kỳ báo cáo', 'Reporting periods')}</h2>
          {periods.loading && <Loading />}
          <table className="grid">
            <thead>
              <tr>
                <th>{t('Kỳ', 'Period')}</th>
                <th>{t('Hạn nộp', 'Deadline')}</th>
                <th>{t('Tình trạng', 'State')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {periods.data?.map((p) => (
                <tr key={p.period} data-period={p.period}>
                  <td>{fmt.period(p.period)}</td>
                  <td>{fmt.date(p.dueOn)}</td>
                  <td>
                    {fmt.label(PERIOD_STATE_LABELS, p.closedBy ?? 'open')}
                    {p.openedEarly && !p.ended ? ` (${t('mở sớm', 'opened early')})` : ''} ·{' '}
                    {p.released ? t('Đã công bố', 'Published') : t('Chưa công bố', 'Not published')}
                  </td>
                  <td>
                    {p.abilities.close && (
                      <button
                        type="button"
                        onClick={() =>
                          act(
                            () =>
                              call('PUT /api/periods', {
                                body: { period: p.period, dueOn: p.dueOn, closed: true },
                              }),
                            t('Đã đóng kỳ', 'Period closed'),
                          )
                        }
                      >
                        {t('Đóng kỳ', 'Close')}
                      </button>
                    )}
                    {p.abilities.open && (
                      <button
                        type="button"
                        onClick={() =>
                          act(
                            () =>
                              call('PUT /api/periods', {
                                body: {
                                  period: p.period,
                                  dueOn: p.dueOn,
                                  closed: false,
                                  // Before its end a period opens only by a deliberate, confirmed choice.
                                  ...(p.ended ? {} : { early: confirmEarly(p.period, t) }),
                                },
                              }),
                            t('Đã mở lại kỳ', 'Period reopened'),
                          )
                        }
                      >
                        {t('Mở lại kỳ', 'Reopen')}
                      </button>
                    )}
                    {p.abilities.release && (
                      <button
                        type="button"
                        onClick={() =>
                          act(
                            () => release(p.period, t, fmt.period),
                            t('Đã công bố số liệu', 'Figures published'),
                          )
                        }
                      >
                        {t('Công bố số liệu', 'Publish figures')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <form
            onSubmit={(e) => {
              const f = form(e);
              act(
                () =>
                  call('PUT /api/periods', {
                    body: {
                      period: String(f.get('period')),
                      dueOn: String(f.get('dueOn') ?? '') || null,
                      early: f.get('early') === 'on',
                    },
                  }),
                t('Đã mở kỳ', 'Period opened'),
              );
            }}
          >
            {/* Reporting periods are months: picked, never typed as a code. */}
            <PeriodPicker value={toOpen} kinds={['M']} onChange={setToOpen} />
            <input type="hidden" name="period" value={toOpen} />
            <label>
              {t('Hạn nộp (mặc định ngày 15 tháng sau)', 'Deadline (default: the 15th of the next month)')}{' '}
              <input name="dueOn" type="date" />
            </label>
            <label>
              <input name="early" type="checkbox" />{' '}
              {t(
                'Mở sớm: cho báo cáo trước khi kỳ kết thúc (có chủ đích)',
                'Open early: take reports before the period ends (on purpose)',
              )}
            </label>
            <button type="submit">{t('Mở kỳ', 'Open')}</button>
          </form>
        </div>
      )}
      {can('user.manage') && (
        <div className="card">
          <h2>{t('Tài khoản', 'Accounts')}</h2>
          <ul>
            {users.data?.map((u) => (
              <li key={u.id} data-user={u.username}>
                {u.displayName} <small>({u.username})</small> — {fmt.label(ROLE_LABELS, u.role)}
                {u.unit ? `, ${unitName.get(u.unit) ?? u.unit}` : ''}{' '}
                {u.disabled && <strong>{t('đã khóa', 'disabled')}</strong>}{' '}
                {u.username !== user?.username && (
                  <button
                    type="button"
                    className="link small"
                    onClick={() => {
                      const reason = window.prompt(
                        u.disabled
                          ? t(`Mở lại tài khoản ${u.username}. Lý do:`, `Enable ${u.username}. Reason:`)
                          : t(
                              `Khóa tài khoản ${u.username} (đăng xuất ngay mọi phiên). Lý do:`,
                              `Disable ${u.username} (signs out every session). Reason:`,
                            ),
                      );
                      if (reason?.trim())
                        act(
                          () =>
                            call('PUT /api/users', {
                              body: { username: u.username, disabled: !u.disabled, reason },
                            }),
                          u.disabled
                            ? t('Đã mở tài khoản', 'Account enabled')
                            : t('Đã khóa tài khoản', 'Account disabled'),
                        );
                    }}
                  >
                    {u.disabled ? t('Mở khóa', 'Enable') : t('Khóa', 'Disable')}
                  </button>
                )}{' '}
                <button
                  type="button"
                  className="link small"
                  aria-expanded={resetFor === u.username}
                  onClick={() => setResetFor(resetFor === u.username ? null : u.username)}
                >
                  {t('Đặt lại mật khẩu', 'Reset password')}
                </button>
                {resetFor === u.username && (
                  // A password field typed twice, hidden as typed: never a browser prompt showing it.
                  <form
                    className="inline-form"
                    onSubmit={(e) => {
                      const f = form(e);
                      const password = String(f.get('password') ?? '');
                      if (password !== String(f.get('again') ?? '')) {
                        void run(async () => {
                          throw new Error(t('Hai lần nhập mật khẩu không khớp', 'The two passwords differ'));
                        });
                        return;
                      }
                      void act(
                        () =>
                          call('PUT /api/users', {
                            body: {
                              username: u.username,
                              password,
                              reason: t('đặt lại mật khẩu', 'password reset'),
                            },
                          }),
                        t('Đã đặt lại mật khẩu', 'Password reset'),
                      ).then(() => setResetFor(null));
                    }}
                  >
                    <label>
                      {t('Mật khẩu mới (≥ 10 ký tự)', 'New password (10+ characters)')}{' '}
                      <input
                        name="password"
                        type="password"
                        required
                        minLength={10}
                        autoComplete="new-password"
                      />
                    </label>
                    <label>
                      {t('Nhập lại', 'Again')}{' '}
                      <input
                        name="again"
                        type="password"
                        required
                        minLength={10}
                        autoComplete="new-password"
                      />
                    </label>
                    <button type="submit">{t('Lưu mật khẩu', 'Save password')}</button>
                  </form>
                )}
              </li>
            ))}
          </ul>
          <form
            onSubmit={(e) => {
              const f = form(e);
              const field = (k: string) => String(f.get(k) ?? '').trim();
              const body = {
                username: field('username'),
                displayName: field('displayName'),
                role: UserInput.shape.role.parse(field('role')),
                unit: field('unit') || null,
                password: field('password'),
              };
              act(() => call('POST /api/users', { body }), t('Đã tạo tài khoản', 'Account created'));
            }}
          >
            <label>
              {t('Tên đăng nhập', 'Username')} <input name="username" required />
            </label>
            <label>
              {t('Họ tên / đơn vị', 'Display name')} <input name="displayName" required />
            </label>
            <label>
              {t('Vai trò', 'Role')}{' '}
              {/* The narrowest role by default: an administrator is made on purpose, never by accident. */}
              <select name="role" defaultValue="reporter">
                {ROLES.map((r) => (
                  <option key={r} value={r}>
                    {fmt.label(ROLE_LABELS, r)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('Đơn vị (báo cáo viên)', 'Unit (reporters)')}{' '}
              <select name="unit" defaultValue="">
                <option value="">{t('— không gắn đơn vị —', '— no unit —')}</option>
                {units.data
                  ?.filter((u) => u.kind !== 'country')
                  .map((u) => (
                    <option key={u.code} value={u.code}>
                      {u.nameVi}
                    </option>
                  ))}
              </select>
            </label>
            <label>
              {t('Mật khẩu (≥ 10 ký tự)', 'Password (10+ characters)')}{' '}
              <input name="password" type="password" required minLength={10} />
            </label>
            <button type="submit">{t('Tạo tài khoản', 'Create account')}</button>
          </form>
        </div>
      )}
      {can('catalog.write') && <CatalogPanel />}
      {can('catalog.write') && <RulesPanel />}
      {can('catalog.write') && <RangesPanel />}
      <OrgNamesPanel />
      <InteropPanel />
    </section>
  );
}

/** Asks before a period that has not ended is opened (an administrator's deliberate choice). */
function confirmEarly(period: string, t: (vi: string, en: string) => string): boolean {
  return window.confirm(
    t(
      `Kỳ ${period} chưa kết thúc. Mở sớm để các đơn vị báo cáo ngay?`,
      `${period} has not ended. Open it early so units can report now?`,
    ),
  );
}

/**
 * Releases a period's figures after saying what becomes public; when national figures are still
 * partial, the server names them and the officer may go on only by giving a reason (audited, and
 * the figures stay marked partial). Native dialogs: keyboard- and screen-reader-friendly as they are.
 */
async function release(
  period: string,
  t: (vi: string, en: string) => string,
  label: (period: string) => string,
): Promise<void> {
  const sure = window.confirm(
    t(
      `Công bố số liệu ${label(period)}: mọi người (kể cả không đăng nhập) sẽ xem được số liệu của kỳ này. Tiếp tục?`,
      `Publish the figures of ${label(period)}: everyone, signed in or not, will see them. Go on?`,
    ),
  );
  if (!sure) throw new Error(t('Đã hủy, chưa công bố gì', 'Cancelled; nothing was published'));
  try {
    await call('POST /api/releases', { body: { period } });
  } catch (e) {
    if (!(e instanceof ApiError) || e.code !== 'PARTIAL_FIGURES') throw e;
    const list = e.details.map((d) => t(d.message, d.messageEn)).join('\n');
    const reason = window.prompt(
      t(
        `Số liệu cả nước chưa đầy đủ:\n${list}\n\nVẫn công bố (số liệu sẽ ghi rõ là chưa đầy đủ)? Ghi lý do:`,
        `National figures are partial:\n${list}\n\nPublish anyway (they stay marked partial)? Give a reason:`,
      ),
    );
    if (!reason?.trim()) throw e;
    await call('POST /api/releases', { body: { period, force: true, reason } });
  }
}

import { ALWAYS_SENT, NOTIFY_KINDS, type NotifyKind } from '@baocao/core/browser';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { useApp } from '../app-context.tsx';
import { call } from '../client.ts';
import { useFormat } from '../format.ts';
import { useAction, useLoad } from '../hooks.ts';
import { Empty, ErrorBox, Loading } from '../ui.tsx';

export const KIND_LABEL: Record<NotifyKind, [string, string]> = {
  period_open: ['Mở kỳ báo cáo', 'A period opens'],
  due_soon: ['Sắp đến hạn nộp', 'Deadline approaching'],
  due_today: ['Hôm nay là hạn nộp', 'Deadline today'],
  overdue: ['Quá hạn (mỗi ngày, có giới hạn)', 'Overdue (daily, limited)'],
  returned: ['Biểu mẫu bị trả lại', 'Form returned'],
  approved: ['Biểu mẫu được duyệt', 'Form approved'],
  unlocked: ['Biểu mẫu được mở khóa', 'Form unlocked'],
  flagged: ['Số liệu cần giải trình', 'A value to explain'],
  reminder: ['Lời nhắc của cán bộ tổng hợp', 'Reminders from officers'],
  digest: ['Tổng hợp hằng ngày (cán bộ tổng hợp)', 'Daily digest (officers)'],
};

/** One's notifications (newest first, unread marked) and how one wants to be told. */
export function NotificationsPage() {
  const { t } = useApp();
  const fmt = useFormat();
  const cache = useQueryClient();
  const list = useLoad(['GET /api/notifications'], () => call('GET /api/notifications'));
  const { error, notice, run } = useAction();
  const readAll = async () => {
    await run(
      async () => {
        const next = await call('POST /api/notifications/read', { body: {} });
        cache.setQueryData(['GET /api/notifications'], next);
      },
      t('Đã đánh dấu tất cả là đã đọc', 'All marked read'),
    );
  };
  const open = (id: number) =>
    void call('POST /api/notifications/read', { body: { ids: [id] } }).then((next) =>
      cache.setQueryData(['GET /api/notifications'], next),
    );
  const items = list.data?.items ?? [];
  return (
    <section>
      <h1>{t('Thông báo', 'Notifications')}</h1>
      <ErrorBox error={list.error ?? error} />
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      <div className="toolbar">
        <span>
          {t(
            '{n, plural, =0 {Không có thông báo chưa đọc} other {# thông báo chưa đọc}}',
            '{n, plural, =0 {Nothing unread} one {# unread} other {# unread}}',
            {
              n: list.data?.unread ?? 0,
            },
          )}
        </span>
        {(list.data?.unread ?? 0) > 0 && (
          <button type="button" onClick={readAll}>
            {t('Đánh dấu tất cả đã đọc', 'Mark all read')}
          </button>
        )}
      </div>
      {list.loading && !list.data && <Loading />}
      {list.data && items.length === 0 && (
        <Empty>{t('Chưa có thông báo nào.', 'No notifications yet.')}</Empty>
      )}
      <ul className="notifications">
        {items.map((n) => (
          <li key={n.id} className={n.read ? '' : 'unread'}>
            <strong>{n.subject}</strong> <small className="muted">{fmt.dateTime(n.createdAt)}</small>
            {!n.read && <span className="badge badge-submitted">{t('Mới', 'New')}</span>}
            <p className="pre">{n.body}</p>
            {n.link && (
              <Link to={n.link} onClick={() => open(n.id)}>
                {n.link.startsWith('/board')
                  ? t('Mở bảng theo dõi', 'Open the board')
                  : t('Mở biểu mẫu', 'Open the form')}
              </Link>
            )}
          </li>
        ))}
      </ul>
      <Preferences />
    </section>
  );
}

function Preferences() {
  const { t } = useApp();
  const prefs = useLoad(['GET /api/notifications/preferences'], () =>
    call('GET /api/notifications/preferences', { query: {} }),
  );
  const [email, setEmail] = useState('');
  const [language, setLanguage] = useState<'vi' | 'en'>('vi');
  const [muted, setMuted] = useState<NotifyKind[]>([]);
  useEffect(() => {
    if (!prefs.data) return;
    setEmail(prefs.data.email ?? '');
    setLanguage(prefs.data.language);
    setMuted(prefs.data.muted);
  }, [prefs.data]);
  const { error, notice, run } = useAction();
  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    if (
      await run(
        () => call('PUT /api/notifications/preferences', { body: { email, language, muted } }),
        t('Đã lưu cài đặt thông báo', 'Notification settings saved'),
      )
    )
      await prefs.reload();
  };
  if (!prefs.data) return prefs.error ? <ErrorBox error={prefs.error} /> : null;
  return (
    <form onSubmit={save} className="card">
      <h2>{t('Cách nhận thông báo', 'How you are told')}</h2>
      <ErrorBox error={error} />
      <label>
        {t(
          'Email nhận thông báo (để trống: chỉ trong ứng dụng)',
          'Email for notifications (empty: in the app only)',
        )}
        <input type="email" value={email} onChange={(e) => setEmail(e.target.value)} autoComplete="email" />
      </label>
      <label>
        {t('Ngôn ngữ của thư', 'Language of messages')}
        <select value={language} onChange={(e) => setLanguage(e.target.value === 'en' ? 'en' : 'vi')}>
          <option value="vi">Tiếng Việt</option>
          <option value="en">English</option>
        </select>
      </label>
      <fieldset>
        <legend>{t('Nhận các loại thông báo', 'Receive these kinds')}</legend>
        {NOTIFY_KINDS.map((k) => {
          const always = ALWAYS_SENT.includes(k);
          return (
            <label key={k} className="check">
              <input
                type="checkbox"
                checked={always || !muted.includes(k)}
                disabled={always}
                onChange={(e) => setMuted(e.target.checked ? muted.filter((m) => m !== k) : [...muted, k])}
              />{' '}
              {t(KIND_LABEL[k][0], KIND_LABEL[k][1])}
              {always && <small className="muted"> {t('(luôn gửi)', '(always sent)')}</small>}
            </label>
          );
        })}
      </fieldset>
      <button type="submit" className="primary">
        {t('Lưu', 'Save')}
      </button>
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
    </form>
  );
}

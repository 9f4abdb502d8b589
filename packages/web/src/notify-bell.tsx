import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useApp } from './app-context.tsx';
import { call } from './client.ts';

/**
 * The header's link to one's notifications with the unread count, refreshed every minute (a
 * returned form shows without reloading the page).
 */
export function NotifyBell() {
  const { t, path } = useApp();
  const q = useQuery({
    queryKey: ['GET /api/notifications'],
    queryFn: () => call('GET /api/notifications'),
    refetchInterval: 60_000,
  });
  const unread = q.data?.unread ?? 0;
  return (
    <Link
      to="/notifications"
      className={`bell${path.startsWith('/notifications') ? ' active' : ''}`}
      aria-label={t(
        'Thông báo, {n, plural, =0 {không có thông báo mới} other {# chưa đọc}}',
        'Notifications, {n, plural, =0 {none unread} one {# unread} other {# unread}}',
        { n: unread },
      )}
    >
      {t('Thông báo', 'Notifications')}
      {unread > 0 && (
        <span className="badge badge-returned" aria-hidden="true">
          {unread}
        </span>
      )}
    </Link>
  );
}

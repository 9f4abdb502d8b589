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
    <Link to="/notifications" className={`bell${path.startsWith('/notifications') ? ' active' : ''}`}>
      {/* The name is what is shown (WCAG 2.5.3), the count's meaning spelled out for screen readers. */}
      {t('Thông báo', 'Notifications')}
      {unread > 0 && (
        <>
          {' '}
          <span className="badge badge-returned">{unread}</span>
          <span className="visually-hidden"> {t('chưa đọc', 'unread')}</span>
        </>
      )}
    </Link>
  );
}

import type { ReminderPreview } from '@baocao/core/browser';
import { useState } from 'react';
import { useApp } from '../app-context.tsx';
import { call } from '../client.ts';
import { useFormat } from '../format.ts';
import { useAction } from '../hooks.ts';
import { ErrorBox } from '../ui.tsx';

/**
 * The board's reminder: first shows whom it reaches (units, people, channels) and asks for
 * confirmation; sent, it says what went out.
 */
export function RemindButton({ period, onSent }: { period: string; onSent: () => void }) {
  const { t } = useApp();
  const fmt = useFormat();
  const [preview, setPreview] = useState<ReminderPreview | null>(null);
  const { error, notice, run } = useAction();
  const [result, setResult] = useState('');
  const ask = () =>
    run(async () => {
      setResult('');
      setPreview(await call('GET /api/forms/remind/preview', { query: { period } }));
    });
  const send = () =>
    run(async () => {
      const r = await call('POST /api/forms/remind/send', { body: { period } });
      setPreview(null);
      setResult(
        t(
          'Đã gửi lời nhắc tới {units} đơn vị: {app} thông báo trong ứng dụng, {email} email{again, plural, =0 {} other {; # người đã được nhắc hôm nay nên không gửi lại}}.',
          'Reminded {units} units: {app} in-app notifications, {email} emails{again, plural, =0 {} other {; # people already reminded today were not sent again}}.',
          { units: r.units.length, app: r.queued.app, email: r.queued.email, again: r.alreadyToday },
        ),
      );
      onSent();
    });
  return (
    <>
      <button type="button" onClick={() => void ask()}>
        {t('Nhắc các đơn vị chưa nộp…', 'Remind units not submitted…')}
      </button>
      {preview && (
        <div role="dialog" aria-modal="false" aria-labelledby="remind-title" className="card confirm">
          <h2 id="remind-title">
            {t('Gửi lời nhắc {p}?', 'Send a reminder for {p}?', { p: fmt.period(preview.period) })}
          </h2>
          {preview.units.length === 0 ? (
            <p>
              {t('Mọi đơn vị đã nộp: không có ai để nhắc.', 'Every unit has submitted: nobody to remind.')}
            </p>
          ) : (
            <p>
              {t(
                '{units} đơn vị chưa nộp; lời nhắc tới {people} người: {app} trong ứng dụng, {email} qua email.{none, plural, =0 {} other { # đơn vị chưa có tài khoản nhận (chỉ ghi nhận trên biểu mẫu).}}',
                '{units} units have not submitted; the reminder reaches {people} people: {app} in the app, {email} by email.{none, plural, =0 {} other { # units have no account to tell (recorded on their form only).}}',
                {
                  units: preview.units.length,
                  people: preview.people,
                  app: preview.app,
                  email: preview.email,
                  none: preview.unitsWithoutPeople,
                },
              )}
            </p>
          )}
          <details>
            <summary>{t('Danh sách đơn vị', 'The units')}</summary>
            <ul className="small">
              {preview.units.map((u) => (
                <li key={u.code}>
                  {u.name} — {t('{n} người', '{n} people', { n: u.people })}
                </li>
              ))}
            </ul>
          </details>
          <div className="actions">
            <button
              type="button"
              className="primary"
              onClick={() => void send()}
              disabled={preview.units.length === 0}
            >
              {t('Gửi lời nhắc', 'Send the reminder')}
            </button>
            <button type="button" onClick={() => setPreview(null)}>
              {t('Hủy', 'Cancel')}
            </button>
          </div>
        </div>
      )}
      <ErrorBox error={error} />
      {(result || notice) && (
        <p className="notice" role="status">
          {result || notice}
        </p>
      )}
    </>
  );
}

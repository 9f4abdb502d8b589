import { SessionInfo } from '@baocao/core/browser';
import { useState } from 'react';
import { setCsrfToken } from '../api.ts';
import { useApp } from '../app-context.tsx';
import { ErrorBox } from '../ui.tsx';
import { call } from '../client.ts';

/** Where a user starts: their unit's forms, the submission board for reviewers, else the dashboard. */
function homeOf(s: SessionInfo): string {
  if (s.pages.forms) return '/forms';
  if (s.pages.board && s.abilities['form.review']) return '/board';
  return '/dashboard';
}

export function LoginPage() {
  const { t, setSession, navigate } = useApp();
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    setBusy(true);
    try {
      const s = SessionInfo.parse(
        await call('POST /api/auth/login', {
          body: { username: String(f.get('username') ?? ''), password: String(f.get('password') ?? '') },
        }),
      );
      setCsrfToken(s.csrfToken);
      setSession(s);
      navigate(homeOf(s));
    } catch (err) {
      setError(err instanceof Error ? err : new Error(String(err)));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="card narrow">
      <h1>{t('Đăng nhập', 'Sign in')}</h1>
      <form onSubmit={submit}>
        <label>
          {t('Tên đăng nhập', 'Username')}
          <input name="username" autoComplete="username" required autoFocus />
        </label>
        <label>
          {t('Mật khẩu', 'Password')}
          <input name="password" type="password" autoComplete="current-password" required />
        </label>
        <ErrorBox error={error} />
        <button type="submit" disabled={busy}>
          {busy ? t('Đang đăng nhập…', 'Signing in…') : t('Đăng nhập', 'Sign in')}
        </button>
      </form>
    </section>
  );
}

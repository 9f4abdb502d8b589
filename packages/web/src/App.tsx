import { type Abilities, type Action, SessionInfo, type UserInfo } from '@baocao/core/browser';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { type ComponentType, useEffect, useState } from 'react';
import { Link, Outlet, RouterProvider, ScrollRestoration, createBrowserRouter } from 'react-router';
import { ApiError, setCsrfToken } from './api.ts';
import { AppContext, type Lang, useApp } from './app-context.tsx';
import { call } from './client.ts';
import { LoginPage } from './pages/LoginPage.tsx';
import { NotifyBell } from './notify-bell.tsx';
import { Loading } from './ui.tsx';

type NavItem = {
  path: string;
  vi: string;
  en: string;
  /** Who sees the page, by abilities (and unit scope), never by role name. */
  shown: (can: (a: Action) => boolean, user: UserInfo) => boolean;
};

const NAV: NavItem[] = [
  {
    path: '/forms',
    vi: 'Biểu mẫu của tôi',
    en: 'My forms',
    shown: (can, u) => can('form.write') && !!u.unit,
  },
  {
    path: '/board',
    vi: 'Theo dõi nộp báo cáo',
    en: 'Submissions',
    shown: (can, u) => can('value.read') && !u.unit,
  },
  { path: '/dashboard', vi: 'Bảng điều khiển', en: 'Dashboard', shown: (can) => can('value.read') },
  { path: '/reports', vi: 'Soạn báo cáo', en: 'Reports', shown: (can) => can('report.read') },
  { path: '/check', vi: 'Kiểm tra số liệu', en: 'Fact-check', shown: () => true },
  {
    path: '/feeds',
    vi: 'An toàn thông tin',
    en: 'Cyber security',
    shown: (can, u) => can('value.read') && !u.unit,
  },
  {
    path: '/admin',
    vi: 'Quản trị',
    en: 'Administration',
    shown: (can) => can('period.lock') || can('user.manage'),
  },
];

function Shell() {
  const { user, setSession, lang, setLang, path, t, navigate, can } = useApp();
  const nav = NAV.filter((p) => user && p.shown(can, user));
  const signOut = async () => {
    await call('POST /api/auth/logout').catch(() => undefined);
    setSession(null);
    navigate('/');
  };
  const other = lang === 'vi' ? 'English' : 'Tiếng Việt';
  return (
    <>
      <header className="top">
        <Link to="/" className="brand">
          baocao <small>{t('Thống kê ngành KH&CN', 'Sector statistics')}</small>
        </Link>
        <nav aria-label={t('Chức năng', 'Sections')}>
          {nav.map((p) => (
            <Link key={p.path} to={p.path} className={path.startsWith(p.path) ? 'active' : ''}>
              {t(p.vi, p.en)}
            </Link>
          ))}
        </nav>
        <div className="who">
          {/* The visible text is the accessible name (WCAG 2.5.3); its language is marked for readers. */}
          <button
            type="button"
            className="link"
            lang={lang === 'vi' ? 'en' : 'vi'}
            onClick={() => setLang(lang === 'vi' ? 'en' : 'vi')}
          >
            {other}
          </button>
          {user ? (
            <>
              <NotifyBell />
              <span className="user">
                {user.displayName} <small>({user.username})</small>
              </span>
              <button type="button" onClick={signOut}>
                {t('Đăng xuất', 'Sign out')}
              </button>
            </>
          ) : (
            <Link to="/login">{t('Đăng nhập', 'Sign in')}</Link>
          )}
        </div>
      </header>
      <main>
        <Outlet />
      </main>
      <ScrollRestoration />
    </>
  );
}

/** Pages that need a signed-in user show the sign-in form in their place until there is one. */
function SignedIn() {
  const { user } = useApp();
  return user ? <Outlet /> : <LoginPage />;
}

function NotFound() {
  const { t } = useApp();
  return <p>{t('Không có trang này', 'No such page')}</p>;
}

// Every page but sign-in is its own chunk, loaded when first visited: a district office's link carries
// the shell first, and the charting library only to the pages that draw charts.
const page = (load: () => Promise<ComponentType>) => ({
  lazy: async () => ({ Component: await load() }),
});

const router = createBrowserRouter([
  {
    element: <Shell />,
    hydrateFallbackElement: <Loading />,
    children: [
      { index: true, ...page(async () => (await import('./pages/PublicPage.tsx')).PublicPage) },
      { path: 'public', ...page(async () => (await import('./pages/PublicPage.tsx')).PublicPage) },
      { path: 'login', element: <LoginPage /> },
      {
        element: <SignedIn />,
        children: [
          { path: 'forms', ...page(async () => (await import('./pages/MyFormsPage.tsx')).MyFormsPage) },
          {
            path: 'forms/:unit/:period',
            ...page(async () => (await import('./pages/FormPage.tsx')).FormPage),
          },
          { path: 'board', ...page(async () => (await import('./pages/BoardPage.tsx')).BoardPage) },
          {
            path: 'dashboard',
            ...page(async () => (await import('./pages/DashboardPage.tsx')).DashboardPage),
          },
          { path: 'reports', ...page(async () => (await import('./pages/ReportsPage.tsx')).ReportsPage) },
          { path: 'check', ...page(async () => (await import('./pages/CheckPage.tsx')).CheckPage) },
          { path: 'feeds', ...page(async () => (await import('./pages/FeedsPage.tsx')).FeedsPage) },
          { path: 'admin', ...page(async () => (await import('./pages/AdminPage.tsx')).AdminPage) },
          {
            path: 'notifications',
            ...page(async () => (await import('./pages/NotificationsPage.tsx')).NotificationsPage),
          },
        ],
      },
      { path: '*', element: <NotFound /> },
    ],
  },
]);

const queries = new QueryClient({
  defaultOptions: {
    queries: {
      // A refusal (4xx) is an answer, not a glitch: only a dropped connection or a 5xx is retried, once.
      retry: (count, error) =>
        count < 1 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
      // Refetching on focus would replace what an officer is typing into a form with the stored values.
      refetchOnWindowFocus: false,
      staleTime: 15_000,
    },
  },
});

export function App() {
  const [session, setSession] = useState<{ user: UserInfo; abilities: Abilities } | null>(null);
  const [ready, setReady] = useState(false);
  const [lang, setLangState] = useState<Lang>(localStorage.getItem('lang') === 'en' ? 'en' : 'vi');
  useEffect(() => {
    call('GET /api/auth/session')
      .then((s) => {
        // Parsed rather than trusted: a proxy's error page or an old session shape leaves us signed out.
        const parsed = SessionInfo.safeParse(s);
        if (parsed.success) {
          setCsrfToken(parsed.data.csrfToken);
          setSession(parsed.data);
        }
      })
      .catch(() => undefined)
      .finally(() => setReady(true));
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const setLang = (l: Lang) => {
    localStorage.setItem('lang', l);
    setLangState(l);
  };
  // Another user's cached answers must never show: signing in or out empties the cache.
  const changeSession = (s: { user: UserInfo; abilities: Abilities } | null) => {
    queries.clear();
    setSession(s);
  };
  const state = {
    user: session?.user ?? null,
    abilities: session?.abilities ?? null,
    setSession: changeSession,
    lang,
    setLang,
  };
  return (
    <QueryClientProvider client={queries}>
      <AppContext.Provider value={state}>
        {ready ? <RouterProvider router={router} /> : <Loading />}
      </AppContext.Provider>
    </QueryClientProvider>
  );
}

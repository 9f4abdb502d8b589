import { type Pages, SessionInfo } from '@baocao/core/browser';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { type ComponentType, useEffect, useState } from 'react';
import { Link, Outlet, RouterProvider, ScrollRestoration, createBrowserRouter } from 'react-router';
import { ApiError, setCsrfToken } from './api.ts';
import { AppContext, type Lang, type Session, useApp } from './app-context.tsx';
import { call } from './client.ts';
import { LoginPage } from './pages/LoginPage.tsx';
import { NotifyBell } from './notify-bell.tsx';
import { Loading } from './ui.tsx';
import { useLoad } from './hooks.ts';

type NavItem = { path: string; vi: string; en: string; page: keyof Pages };

/** The nav: a page shows when the server's policy gives the user that page (`session.pages`). */
const NAV: NavItem[] = [
  { path: '/forms', vi: 'Biểu mẫu của tôi', en: 'My forms', page: 'forms' },
  { path: '/board', vi: 'Theo dõi nộp báo cáo', en: 'Submissions', page: 'board' },
  { path: '/dashboard', vi: 'Bảng điều khiển', en: 'Dashboard', page: 'dashboard' },
  { path: '/reports', vi: 'Soạn báo cáo', en: 'Reports', page: 'reports' },
  // Tasks are a report's content: whoever reads reports reads them; writing is the registry's ability.
  { path: '/tasks', vi: 'Nhiệm vụ', en: 'Tasks', page: 'reports' },
  { path: '/check', vi: 'Kiểm tra số liệu', en: 'Fact-check', page: 'check' },
  { path: '/feeds', vi: 'An toàn thông tin', en: 'Cyber security', page: 'feeds' },
  { path: '/infosystems', vi: 'Hệ thống thông tin', en: 'Information systems', page: 'infosystems' },
  { path: '/admin', vi: 'Quản trị', en: 'Administration', page: 'admin' },
];

function Shell() {
  const { user, pages, setSession, lang, setLang, path, t, navigate } = useApp();
  const nav = NAV.filter((p) => user && pages?.[p.page]);
  const signOut = async () => {
    await call('POST /api/auth/logout').catch(() => undefined);
    setSession(null);
    navigate('/');
  };
  const other = lang === 'vi' ? 'English' : 'Tiếng Việt';
  // The sector's name of today, from the organisation's names (it changed with the 2025 merger).
  const names = useLoad(['GET /api/org-names/on'], () => call('GET /api/org-names/on'));
  const sector = names.data?.['sector.short'] ?? '';
  return (
    <>
      <header className="top">
        <Link to="/" className="brand">
          baocao <small>{t(`Thống kê ${sector}`.trim(), 'Sector statistics')}</small>
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

/**
 * A page the user may not use is not shown, even when its address is typed: its buttons would only
 * fail. The page list is the server's (`session.pages`).
 */
function Allowed({ page }: { page: keyof Pages }) {
  const { pages, t } = useApp();
  if (pages?.[page]) return <Outlet />;
  return (
    <section className="card narrow">
      <h1>{t('Không dùng được trang này', 'This page is not available to you')}</h1>
      <p>
        {t(
          'Tài khoản của bạn không có chức năng này. Chọn một mục trên thanh điều hướng.',
          'Your account does not have this function. Choose an item from the navigation bar.',
        )}
      </p>
    </section>
  );
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

/** A route whose page shows only to users the policy gives it. */
const guarded = (path: string, key: keyof Pages, load: () => Promise<ComponentType>) => ({
  element: <Allowed page={key} />,
  children: [{ path, ...page(load) }],
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
          guarded('forms', 'forms', async () => (await import('./pages/MyFormsPage.tsx')).MyFormsPage),
          // A form is opened by its reporter (their unit's) and by the board's readers (any unit):
          // the form's own abilities then say what may be done with it.
          {
            path: 'forms/:unit/:period',
            ...page(async () => (await import('./pages/FormPage.tsx')).FormPage),
          },
          guarded('board', 'board', async () => (await import('./pages/BoardPage.tsx')).BoardPage),
          guarded('queue', 'board', async () => (await import('./pages/QueuePage.tsx')).QueuePage),
          // Validation analysis is the board's readers' (officers before release), as the server's pages say.
          guarded(
            'quality',
            'board',
            async () => (await import('./pages/ValidationPage.tsx')).ValidationPage,
          ),
          guarded(
            'dashboard',
            'dashboard',
            async () => (await import('./pages/DashboardPage.tsx')).DashboardPage,
          ),
          guarded('reports', 'reports', async () => (await import('./pages/ReportsPage.tsx')).ReportsPage),
          guarded('tasks', 'reports', async () => (await import('./pages/TasksPage.tsx')).TasksPage),
          guarded('check', 'check', async () => (await import('./pages/CheckPage.tsx')).CheckPage),
          guarded('feeds', 'feeds', async () => (await import('./pages/FeedsPage.tsx')).FeedsPage),
          guarded('admin', 'admin', async () => (await import('./pages/AdminPage.tsx')).AdminPage),
          guarded(
            'infosystems',
            'infosystems',
            async () => (await import('./pages/InfosystemsPage.tsx')).InfosystemsPage,
          ),
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
  const [session, setSession] = useState<Session | null>(null);
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
  const changeSession = (s: Session | null) => {
    queries.clear();
    setSession(s);
  };
  const state = {
    user: session?.user ?? null,
    abilities: session?.abilities ?? null,
    pages: session?.pages ?? null,
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

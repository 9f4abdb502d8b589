import { type Abilities, type Action, SessionInfo, type UserInfo } from '@baocao/core/browser';
import { Suspense, lazy, useEffect, useState } from 'react';
import { setCsrfToken } from './api.ts';
import { AppContext, type Lang, Link, useApp, useLocationState } from './app-context.tsx';
import { LoginPage } from './pages/LoginPage.tsx';

// Every page but sign-in is its own chunk, loaded when first shown: a district office's link carries
// the shell first, and the charting library only to the pages that draw charts.
const AdminPage = lazy(() => import('./pages/AdminPage.tsx').then((m) => ({ default: m.AdminPage })));
const BoardPage = lazy(() => import('./pages/BoardPage.tsx').then((m) => ({ default: m.BoardPage })));
const CheckPage = lazy(() => import('./pages/CheckPage.tsx').then((m) => ({ default: m.CheckPage })));
const DashboardPage = lazy(() =>
  import('./pages/DashboardPage.tsx').then((m) => ({ default: m.DashboardPage })),
);
const FeedsPage = lazy(() => import('./pages/FeedsPage.tsx').then((m) => ({ default: m.FeedsPage })));
const FormPage = lazy(() => import('./pages/FormPage.tsx').then((m) => ({ default: m.FormPage })));
const MyFormsPage = lazy(() => import('./pages/MyFormsPage.tsx').then((m) => ({ default: m.MyFormsPage })));
const PublicPage = lazy(() => import('./pages/PublicPage.tsx').then((m) => ({ default: m.PublicPage })));
const ReportsPage = lazy(() => import('./pages/ReportsPage.tsx').then((m) => ({ default: m.ReportsPage })));
import { Loading } from './ui.tsx';
import { call } from './client.ts';

type Page = {
  path: string;
  vi: string;
  en: string;
  /** Who sees the page, by abilities (and unit scope), never by role name. */
  shown: (can: (a: Action) => boolean, user: UserInfo) => boolean;
  render: () => React.ReactNode;
};

const PAGES: Page[] = [
  {
    path: '/forms',
    vi: 'Biểu mẫu của tôi',
    en: 'My forms',
    shown: (can, u) => can('form.write') && u.unit !== null,
    render: () => <MyFormsPage />,
  },
  {
    path: '/board',
    vi: 'Theo dõi nộp báo cáo',
    en: 'Submissions',
    shown: (can, u) => can('value.read') && u.unit === null,
    render: () => <BoardPage />,
  },
  {
    path: '/dashboard',
    vi: 'Bảng điều khiển',
    en: 'Dashboard',
    shown: (can) => can('value.read'),
    render: () => <DashboardPage />,
  },
  {
    path: '/reports',
    vi: 'Soạn báo cáo',
    en: 'Reports',
    shown: (can) => can('report.read'),
    render: () => <ReportsPage />,
  },
  {
    path: '/check',
    vi: 'Kiểm tra số liệu',
    en: 'Fact-check',
    shown: () => true,
    render: () => <CheckPage />,
  },
  {
    path: '/feeds',
    vi: 'An toàn thông tin',
    en: 'Cyber security',
    shown: (can, u) => can('value.read') && u.unit === null,
    render: () => <FeedsPage />,
  },
  {
    path: '/admin',
    vi: 'Quản trị',
    en: 'Administration',
    shown: (can) => can('period.lock') || can('user.manage'),
    render: () => <AdminPage />,
  },
];

function Shell() {
  const { user, setSession, lang, setLang, path, t, navigate, can } = useApp();
  const pages = PAGES.filter((p) => user && p.shown(can, user));
  const signOut = async () => {
    await call('POST /api/auth/logout').catch(() => undefined);
    setSession(null);
    navigate('/');
  };
  let body: React.ReactNode;
  if (path === '/' || path === '/public') body = <PublicPage />;
  else if (path === '/login') body = <LoginPage />;
  else if (!user) body = <LoginPage />;
  else if (path.startsWith('/forms/')) body = <FormPage />;
  else
    body = (
      pages.find((p) => path.startsWith(p.path)) ?? {
        render: () => <p>{t('Không có trang này', 'No such page')}</p>,
      }
    ).render();
  return (
    <>
      <header className="top">
        <Link to="/" className="brand">
          baocao <small>{t('Thống kê ngành KH&CN', 'Sector statistics')}</small>
        </Link>
        <nav aria-label={t('Chức năng', 'Sections')}>
          {pages.map((p) => (
            <Link key={p.path} to={p.path} className={path.startsWith(p.path) ? 'active' : ''}>
              {t(p.vi, p.en)}
            </Link>
          ))}
        </nav>
        <div className="who">
          <button
            type="button"
            className="link"
            onClick={() => setLang(lang === 'vi' ? 'en' : 'vi')}
            aria-label="Language"
          >
            {lang === 'vi' ? 'English' : 'Tiếng Việt'}
          </button>
          {user ? (
            <>
              <span>
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
        <Suspense fallback={<Loading />}>{body}</Suspense>
      </main>
    </>
  );
}

export function App() {
  const loc = useLocationState();
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
      .finally(() => setReady(true));
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const setLang = (l: Lang) => {
    localStorage.setItem('lang', l);
    setLangState(l);
  };
  const state = {
    user: session?.user ?? null,
    abilities: session?.abilities ?? null,
    setSession,
    lang,
    setLang,
    ...loc,
  };
  return <AppContext.Provider value={state}>{ready ? <Shell /> : <Loading />}</AppContext.Provider>;
}

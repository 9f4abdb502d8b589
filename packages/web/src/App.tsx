import { SessionInfo, type UserInfo } from '@baocao/core/browser';
import { useEffect, useState } from 'react';
import { api, setCsrfToken } from './api.ts';
import { AppContext, type Lang, Link, useApp, useLocationState } from './app-context.tsx';
import { AdminPage } from './pages/AdminPage.tsx';
import { BoardPage } from './pages/BoardPage.tsx';
import { CheckPage } from './pages/CheckPage.tsx';
import { DashboardPage } from './pages/DashboardPage.tsx';
import { FeedsPage } from './pages/FeedsPage.tsx';
import { FormPage } from './pages/FormPage.tsx';
import { LoginPage } from './pages/LoginPage.tsx';
import { MyFormsPage } from './pages/MyFormsPage.tsx';
import { PublicPage } from './pages/PublicPage.tsx';
import { ReportsPage } from './pages/ReportsPage.tsx';
import { Loading } from './ui.tsx';

type Page = {
  path: string;
  vi: string;
  en: string;
  roles: UserInfo['role'][];
  render: () => React.ReactNode;
};

const PAGES: Page[] = [
  {
    path: '/forms',
    vi: 'Biểu mẫu của tôi',
    en: 'My forms',
    roles: ['reporter'],
    render: () => <MyFormsPage />,
  },
  {
    path: '/board',
    vi: 'Theo dõi nộp báo cáo',
    en: 'Submissions',
    roles: ['admin', 'officer', 'leader'],
    render: () => <BoardPage />,
  },
  {
    path: '/dashboard',
    vi: 'Bảng điều khiển',
    en: 'Dashboard',
    roles: ['admin', 'officer', 'leader', 'reporter'],
    render: () => <DashboardPage />,
  },
  {
    path: '/reports',
    vi: 'Soạn báo cáo',
    en: 'Reports',
    roles: ['admin', 'officer', 'leader'],
    render: () => <ReportsPage />,
  },
  {
    path: '/check',
    vi: 'Kiểm tra số liệu',
    en: 'Fact-check',
    roles: ['admin', 'officer', 'leader', 'reporter'],
    render: () => <CheckPage />,
  },
  {
    path: '/feeds',
    vi: 'An toàn thông tin',
    en: 'Cyber security',
    roles: ['admin', 'officer', 'leader'],
    render: () => <FeedsPage />,
  },
  {
    path: '/admin',
    vi: 'Quản trị',
    en: 'Administration',
    roles: ['admin', 'officer'],
    render: () => <AdminPage />,
  },
];

function Shell() {
  const { user, setUser, lang, setLang, path, t, navigate } = useApp();
  const pages = PAGES.filter((p) => user && p.roles.includes(user.role));
  const signOut = async () => {
    await api.post('/api/auth/logout').catch(() => undefined);
    setUser(null);
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
      <main>{body}</main>
    </>
  );
}

export function App() {
  const loc = useLocationState();
  const [user, setUser] = useState<UserInfo | null>(null);
  const [ready, setReady] = useState(false);
  const [lang, setLangState] = useState<Lang>(localStorage.getItem('lang') === 'en' ? 'en' : 'vi');
  useEffect(() => {
    api
      .get<unknown>('/api/auth/session')
      .then((s) => {
        const parsed = SessionInfo.safeParse(s);
        if (parsed.success) {
          setCsrfToken(parsed.data.csrfToken);
          setUser(parsed.data.user);
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
  const state = { user, setUser, lang, setLang, ...loc };
  return <AppContext.Provider value={state}>{ready ? <Shell /> : <Loading />}</AppContext.Provider>;
}

import type { Abilities, Action, UserInfo } from '@baocao/core/browser';
import { createContext, useContext, useEffect, useState } from 'react';

export type Lang = 'vi' | 'en';

/** What every page may read: who is signed in, the language, and how to move between pages. */
export interface AppState {
  user: UserInfo | null;
  /** What the signed-in user may do, as the server's policy says (never inferred from the role). */
  abilities: Abilities | null;
  setSession(s: { user: UserInfo; abilities: Abilities } | null): void;
  lang: Lang;
  setLang(l: Lang): void;
  path: string;
  query: URLSearchParams;
  navigate(to: string): void;
}

export const AppContext = createContext<AppState | null>(null);

export function useApp(): AppState & {
  t: (vi: string, en: string) => string;
  can: (action: Action) => boolean;
} {
  const s = useContext(AppContext);
  if (!s) throw new Error('AppContext missing');
  return {
    ...s,
    t: (vi, en) => (s.lang === 'en' ? en : vi),
    can: (action) => s.abilities?.[action] === true,
  };
}

/** The browser location as state; pushState navigation without a router dependency. */
export function useLocationState() {
  const [loc, setLoc] = useState(() => ({ path: location.pathname, search: location.search }));
  useEffect(() => {
    const on = () => setLoc({ path: location.pathname, search: location.search });
    addEventListener('popstate', on);
    return () => removeEventListener('popstate', on);
  }, []);
  const navigate = (to: string) => {
    history.pushState(null, '', to);
    setLoc({ path: location.pathname, search: location.search });
    scrollTo(0, 0);
  };
  return { path: loc.path, query: new URLSearchParams(loc.search), navigate };
}

/** An in-app link: a real <a> (keyboard, middle-click) that navigates without reloading. */
export function Link(props: { to: string; children: React.ReactNode; className?: string }) {
  const { navigate } = useApp();
  return (
    <a
      href={props.to}
      className={props.className}
      onClick={(e) => {
        if (e.metaKey || e.ctrlKey || e.button !== 0) return;
        e.preventDefault();
        navigate(props.to);
      }}
    >
      {props.children}
    </a>
  );
}

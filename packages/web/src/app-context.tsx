import type { Abilities, Action, Pages, UserInfo } from '@baocao/core/browser';
import { IntlMessageFormat } from 'intl-messageformat';
import { createContext, useContext } from 'react';
import { useLocation, useNavigate, useParams, useSearchParams } from 'react-router';

export type Lang = 'vi' | 'en';

/** A signed-in user as the session answer gives them. */
export interface Session {
  user: UserInfo;
  abilities: Abilities;
  pages: Pages;
}

/** Who is signed in and the language: the state every page reads (navigation is React Router's). */
export interface AppState {
  user: UserInfo | null;
  /** What the signed-in user may do, as the server's policy says (never inferred from the role). */
  abilities: Abilities | null;
  /** The pages the user may use, as the server's policy says (`pagesOf`). */
  pages: Pages | null;
  setSession(s: Session | null): void;
  lang: Lang;
  setLang(l: Lang): void;
}

export const AppContext = createContext<AppState | null>(null);

/** ICU values a message may use: `{n, plural, one {# finding} other {# findings}}`. */
export type MessageValues = Record<string, string | number>;

// Parsed ICU messages by language and text: a page renders the same few dozen many times.
const compiled = new Map<string, IntlMessageFormat>();

/**
 * A message in the reader's language. Both languages are written side by side at the call site, so
 * neither can be missing (the type checker refuses a call without both); with values, the text is an
 * ICU message (FormatJS), which is how plurals and numbers are said correctly in each language.
 */
export function translate(lang: Lang, vi: string, en: string, values?: MessageValues): string {
  const text = lang === 'en' ? en : vi;
  if (!values) return text;
  const key = `${lang}\u0000${text}`;
  let f = compiled.get(key);
  if (!f) compiled.set(key, (f = new IntlMessageFormat(text, lang === 'en' ? 'en' : 'vi')));
  return String(f.format(values));
}

/** The language and `t` alone: for what shows before the router is up (the first loading line). */
export function useT() {
  const s = useContext(AppContext);
  const lang = s?.lang ?? 'vi';
  return { lang, t: (vi: string, en: string, values?: MessageValues) => translate(lang, vi, en, values) };
}

/** The app's state, the location (React Router's) and the helpers every page uses. */
export function useApp() {
  const s = useContext(AppContext);
  if (!s) throw new Error('AppContext missing');
  const location = useLocation();
  const [query] = useSearchParams();
  const go = useNavigate();
  return {
    ...s,
    path: location.pathname,
    query,
    params: useParams(),
    navigate: (to: string) => void go(to),
    t: (vi: string, en: string, values?: MessageValues) => translate(s.lang, vi, en, values),
    can: (action: Action) => s.abilities?.[action] === true,
  };
}

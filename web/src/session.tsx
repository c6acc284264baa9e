/** The signed-in account, shared by every page; loaded once from /api/auth/session (null when signed out). */
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import type { SessionProbe, SessionView, UserView } from '@shared/api/auth';
import { beginSignOut, endSignOut, http, setCsrfToken, SIGN_OUT_URL } from './http';

export type { SessionView };

interface SessionState {
  session: SessionView | null;
  /** The office the system serves (from the server's roster), for the login page and the header. */
  office: string;
  /** Its quarterly bulletin, e.g. 《番府信息》(工作通讯). */
  bulletin: string;
  loading: boolean;
  /** Loads the session again (after login or a password change). */
  refresh(): Promise<SessionView | null>;
  signIn(view: SessionView): void;
  signOut(): Promise<void>;
}

const SessionContext = createContext<SessionState | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<SessionView | null>(null);
  // Who the system serves, as the probe names it (the same for every session).
  const [identity, setIdentity] = useState<Omit<SessionProbe, 'session'>>({ office: '', bulletin: '' });
  const [loading, setLoading] = useState(true);

  const apply = useCallback((view: SessionView | null) => {
    setCsrfToken(view?.csrfToken ?? null);
    setSession(view);
    return view;
  }, []);

  const refresh = useCallback(async () => {
    try {
      const { session: view, ...served } = await http.get<SessionProbe>('/api/auth/session', { quiet: true });
      setIdentity(served);
      return apply(view);
    } finally {
      setLoading(false);
    }
  }, [apply]);

  const signOut = useCallback(async () => {
    beginSignOut();
    try {
      await http.post(SIGN_OUT_URL, {}, { quiet: true });
    } finally {
      apply(null);
      endSignOut();
    }
  }, [apply]);

  useEffect(() => {
    void refresh().catch(() => apply(null));
  }, [refresh, apply]);

  return (
    <SessionContext.Provider value={{ session, ...identity, loading, refresh, signIn: apply, signOut }}>
      {children}
    </SessionContext.Provider>
  );
}

export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error('useSession outside SessionProvider');
  return state;
}

/** The signed-in user, for pages that are only rendered once someone is signed in. */
export function useUser(): UserView {
  const { session } = useSession();
  if (!session) throw new Error('useUser without a session');
  return session.user;
}

// Who is signed in: reads the session at start, signs in and out, follows expiry (any 401),
// and keeps the interface language in step with the account.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { ApiError, onSessionExpired, setCsrfToken } from './api';
import { accountApi, sessionApi, type SessionResponse, type SessionUser } from './endpoints';
import { applyLanguage, currentLanguage } from './i18n';
import type { Language } from '../../common/i18n';

/** Why the sign-in screen is showing, when there is something to say about it. */
export type SignedOutReason = 'expired' | 'signed-out' | 'signed-out-everywhere';

export type SessionState =
  | { status: 'loading' }
  | { status: 'unreachable'; error: ApiError }
  | { status: 'signed-out'; reason: SignedOutReason | null }
  | { status: 'signed-in'; user: SessionUser };

interface SessionContextValue {
  state: SessionState;
  signedIn: (session: SessionResponse) => void;
  signOut: (everywhere?: boolean) => Promise<void>;
  /** Takes the user the server returned after a change (account, steps). */
  updateUser: (user: SessionUser) => void;
  chooseLanguage: (language: Language) => void;
  reload: () => void;
}

const SessionContext = createContext<SessionContextValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const userRef = useRef<SessionUser | null>(null);
  userRef.current = state.status === 'signed-in' ? state.user : null;

  const signedOut = useCallback((reason: SignedOutReason | null) => {
    setCsrfToken(null);
    setState({ status: 'signed-out', reason });
  }, []);

  const signedIn = useCallback((session: SessionResponse) => {
    setCsrfToken(session.csrfToken);
    applyLanguage(session.user.language);
    setState({ status: 'signed-in', user: session.user });
  }, []);

  const reload = useCallback(() => {
    setState({ status: 'loading' });
    sessionApi.read().then(signedIn, (error: unknown) => {
      if (error instanceof ApiError && error.status === 401) signedOut(null);
      else setState({ status: 'unreachable', error: asApiError(error) });
    });
  }, [signedIn, signedOut]);

  useEffect(() => {
    reload();
    onSessionExpired(() => {
      if (userRef.current) signedOut('expired');
    });
    return () => onSessionExpired(null);
  }, [reload, signedOut]);

  const signOut = useCallback(
    async (everywhere = false) => {
      try {
        await sessionApi.signOut(everywhere);
      } catch (error) {
        // Already ended on the server is as good as signed out; anything else the person should see.
        if (!(error instanceof ApiError && error.status === 401)) throw error;
      }
      forgetLocalDrafts();
      signedOut(everywhere ? 'signed-out-everywhere' : 'signed-out');
    },
    [signedOut],
  );

  const saveLanguage = useCallback((language: Language) => {
    accountApi.update({ language }).then(
      ({ user }) => setState((s) => (s.status === 'signed-in' ? { status: 'signed-in', user } : s)),
      () => undefined, // the choice still applies here and is remembered in this browser
    );
  }, []);

  const updateUser = useCallback(
    (user: SessionUser) => {
      const before = userRef.current;
      setState({ status: 'signed-in', user });
      // A language chosen during the first-sign-in steps could not be saved then (the server
      // accepts only the step); save it once the account is complete.
      const finishedSteps = before?.pendingStep !== 'none' && user.pendingStep === 'none';
      if (finishedSteps && user.language !== currentLanguage()) saveLanguage(currentLanguage());
    },
    [saveLanguage],
  );

  const chooseLanguage = useCallback(
    (language: Language) => {
      applyLanguage(language);
      const user = userRef.current;
      if (user && user.pendingStep === 'none' && user.language !== language) saveLanguage(language);
    },
    [saveLanguage],
  );

  const value = useMemo(
    () => ({ state, signedIn, signOut, updateUser, chooseLanguage, reload }),
    [state, signedIn, signOut, updateUser, chooseLanguage, reload],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** The signed-in person; only for components rendered inside the signed-in console. */
export function useUser(): SessionUser {
  const { state } = useSession();
  if (state.status !== 'signed-in') throw new Error('useUser without a signed-in user');
  return state.user;
}

export function asApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError(500, { code: 'client_error', message: error instanceof Error ? error.message : String(error) });
}

/**
 * Drafts kept in the browser (a contact being logged) hold case text: a deliberate sign-out
 * removes them, so the next person at this computer finds nothing. (An expired session keeps
 * them, so a counsellor who signs in again can finish.)
 */
function forgetLocalDrafts(): void {
  for (const storage of [window.localStorage, window.sessionStorage]) {
    for (const key of Object.keys(storage)) if (key.startsWith('bezbedno.helpline.') || key.startsWith('bezbedno.chat.')) storage.removeItem(key);
  }
}

import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { type ApiClient, type ApiOutputs, createApiClient } from '../api/api-client.ts';
import { errorCode } from '../api/error-message.ts';
import { sessionStore } from './session-store.ts';

export type SignedInUser = ApiOutputs['auth']['me'];

type Session =
  | { state: 'checking' }
  | { state: 'signed-out'; api: ApiClient; signedIn: (token: string) => Promise<void> }
  | { state: 'signed-in'; api: ApiClient; user: SignedInUser; signOut: () => Promise<void> };

const SessionContext = createContext<Session>({ state: 'checking' });

/** Who uses the designer: a stored session token is checked with `auth.me` before anything is shown. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [token, setToken] = useState<string | null>(() => sessionStore.read());
  const [user, setUser] = useState<SignedInUser | null>(null);
  const [checking, setChecking] = useState(token !== null);
  const api = useMemo(() => createApiClient(token), [token]);

  useEffect(() => {
    if (!token) return;
    let current = true;
    setChecking(true);
    api.auth.me
      .query()
      .then((me) => current && setUser(me))
      .catch((error: unknown) => {
        if (!current) return;
        // An expired or revoked session: sign in again. Anything else keeps the token for a retry.
        if (errorCode(error) === 'UNAUTHORIZED') {
          sessionStore.clear();
          setToken(null);
        }
        setUser(null);
      })
      .finally(() => current && setChecking(false));
    return () => {
      current = false;
    };
  }, [api, token]);

  const signedIn = useCallback(async (newToken: string) => {
    sessionStore.write(newToken);
    setToken(newToken);
  }, []);

  const signOut = useCallback(async () => {
    await api.auth.signOut.mutate().catch(() => undefined);
    sessionStore.clear();
    setUser(null);
    setToken(null);
  }, [api]);

  const session: Session = useMemo(() => {
    if (checking) return { state: 'checking' };
    if (token && user) return { state: 'signed-in', api, user, signOut };
    return { state: 'signed-out', api, signedIn };
  }, [checking, token, user, api, signOut, signedIn]);

  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

export const useSession = () => useContext(SessionContext);

/** The API as the signed-in user; only pages shown after sign-in call it. */
export function useSignedIn(): Extract<Session, { state: 'signed-in' }> {
  const session = useSession();
  if (session.state !== 'signed-in') throw new Error('useSignedIn outside a signed-in page');
  return session;
}

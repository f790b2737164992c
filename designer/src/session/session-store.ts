const KEY = 'parley.session';

/** The session token survives reloads of the tab; signing out or an expired session removes it. */
export const sessionStore = {
  read: (): string | null => window.localStorage.getItem(KEY),
  write: (token: string) => window.localStorage.setItem(KEY, token),
  clear: () => window.localStorage.removeItem(KEY),
};

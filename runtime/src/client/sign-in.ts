import { createParleyClient, type ParleyClient } from './create-parley-client.ts';

export type SignedIn = {
  /** A client sending the new session token. */
  client: ParleyClient;
  token: string;
  user: { id: string; email: string; name: string; role: string };
  /** Epoch milliseconds. */
  expiresAt: number;
};

/** Signs in with an email and password; wrong ones reject with the server's UNAUTHORIZED error. */
export async function signIn(url: string, email: string, password: string): Promise<SignedIn> {
  const session = await createParleyClient({ url }).auth.signIn.mutate({ email, password });
  return {
    client: createParleyClient({ url, token: session.token }),
    token: session.token,
    user: session.user,
    expiresAt: session.expiresAt,
  };
}

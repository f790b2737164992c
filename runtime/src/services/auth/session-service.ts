import { and, eq, lte } from 'drizzle-orm';
import { z } from 'zod';
import { ParleyError } from '../../errors.ts';
import { recordAudit } from '../audit.ts';
import { parseInput } from '../parse-input.ts';
import type { Principal } from '../principal.ts';
import { type AuthDeps, defaultSessionTtlMs } from './auth-deps.ts';
import { hashPassword, passwordNeedsRehash, verifyPassword } from './password-hash.ts';
import { hashSecret, randomSecret, secretPattern } from './secret-token.ts';
import { toUserView, type UserView, userPrincipal } from './user-view.ts';

export const signInInput = z.object({
  // Not the strict email schema: a typo must fail like a wrong password, not reveal the rules.
  email: z.string().trim().toLowerCase().min(1, 'the email is required').max(254),
  password: z.string().min(1, 'the password is required').max(1024),
});
export type SignInInput = z.input<typeof signInInput>;

export type SignInResult = { token: string; user: UserView; expiresAt: number };

const wrongCredentials = 'the email or password is not correct';

/** Sign-in with email and password; the session token is returned once and stored only as its hash. */
export function createSessionService({ database, clock, sessionTtlMs = defaultSessionTtlMs }: AuthDeps) {
  const { db, tables, transaction } = database;
  const { users, sessions } = tables;
  // Compared against when the email is unknown, so a miss costs the same scrypt as a wrong password.
  const dummyHash = hashPassword(randomSecret());

  return {
    async signIn(input: SignInInput): Promise<SignInResult> {
      const { email, password } = parseInput(signInInput, input);
      const [user] = await db.select().from(users).where(eq(users.email, email));
      const matches = await verifyPassword(password, user?.passwordHash ?? (await dummyHash));
      if (!user || !matches) throw new ParleyError('UNAUTHORIZED', wrongCredentials);
      // Only someone who knows the password learns the account is disabled.
      if (user.disabledAt !== null) {
        throw new ParleyError('UNAUTHORIZED', 'this account is disabled; ask an administrator');
      }
      const rehashed = passwordNeedsRehash(user.passwordHash) ? await hashPassword(password) : null;
      const token = randomSecret();
      return transaction(async (tx) => {
        const now = clock.now();
        const expiresAt = now + sessionTtlMs;
        await tx.delete(sessions).where(and(eq(sessions.userId, user.id), lte(sessions.expiresAt, now)));
        await tx
          .insert(sessions)
          .values({ tokenHash: hashSecret(token), userId: user.id, createdAt: now, expiresAt });
        if (rehashed) {
          await tx
            .update(users)
            .set({ passwordHash: rehashed })
            .where(and(eq(users.id, user.id), eq(users.passwordHash, user.passwordHash)));
        }
        await recordAudit(
          tx,
          tables,
          userPrincipal(user),
          { action: 'auth.signIn', targetType: 'user', targetId: user.id, details: { expiresAt } },
          now,
        );
        return { token, user: toUserView(user), expiresAt };
      });
    },

    /** The user a session token belongs to, or null when it is unknown, expired or the user is disabled. */
    async authenticate(token: string): Promise<Principal | null> {
      if (typeof token !== 'string' || !secretPattern.test(token)) return null;
      const tokenHash = hashSecret(token);
      const [row] = await db
        .select({
          expiresAt: sessions.expiresAt,
          id: users.id,
          role: users.role,
          name: users.name,
          disabledAt: users.disabledAt,
        })
        .from(sessions)
        .innerJoin(users, eq(users.id, sessions.userId))
        .where(eq(sessions.tokenHash, tokenHash));
      if (!row) return null;
      if (row.expiresAt <= clock.now()) {
        // Through a transaction: on SQLite's single connection a bare write could land in another's.
        await transaction((tx) => tx.delete(sessions).where(eq(sessions.tokenHash, tokenHash)));
        return null;
      }
      return row.disabledAt === null ? userPrincipal(row) : null;
    },

    /** Ends the session; signing out twice, or with an unknown token, changes nothing. */
    async signOut(token: string): Promise<void> {
      if (typeof token !== 'string' || !secretPattern.test(token)) return;
      await transaction(async (tx) => {
        const [ended] = await tx
          .delete(sessions)
          .where(eq(sessions.tokenHash, hashSecret(token)))
          .returning({ userId: sessions.userId });
        if (!ended) return;
        const [user] = await tx.select().from(users).where(eq(users.id, ended.userId));
        if (!user) return;
        await recordAudit(
          tx,
          tables,
          userPrincipal(user),
          { action: 'auth.signOut', targetType: 'user', targetId: user.id },
          clock.now(),
        );
      });
    },
  };
}

export type SessionService = ReturnType<typeof createSessionService>;

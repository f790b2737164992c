import { and, asc, count, eq, isNull, ne } from 'drizzle-orm';
import { ParleyError } from '../../errors.ts';
import { type Db, isUniqueViolation } from '../../store/database.ts';
import { recordAudit } from '../audit.ts';
import { newId } from '../clock.ts';
import { parseInput } from '../parse-input.ts';
import type { Principal } from '../principal.ts';
import type { AuthDeps } from './auth-deps.ts';
import { hashPassword, verifyPassword } from './password-hash.ts';
import { hashSecret } from './secret-token.ts';
import {
  type ChangePasswordInput,
  type CreateUserInput,
  changePasswordInput,
  createUserInput,
  type DisableUserInput,
  disableUserInput,
  type UpdateUserInput,
  updateUserInput,
} from './user-inputs.ts';
import { toUserView, type UserView, userViewColumns } from './user-view.ts';

/** Users of the admin UI. Roles are checked by the API layer; this keeps the data and its invariants. */
export function createUserService({ database, clock }: AuthDeps) {
  const { db, tables, transaction } = database;
  const { users, sessions } = tables;

  async function requireUser(tx: Db, id: string) {
    const [user] = await tx.select().from(users).where(eq(users.id, id));
    if (!user) throw new ParleyError('NOT_FOUND', `there is no user with id ${id}`, { id });
    return user;
  }

  /** Refuses a change that would leave nobody able to administer Parley. */
  async function keepAnAdmin(tx: Db, leavingId: string, what: string) {
    const [others] = await tx
      .select({ n: count() })
      .from(users)
      .where(and(eq(users.role, 'admin'), isNull(users.disabledAt), ne(users.id, leavingId)));
    if ((others?.n ?? 0) === 0) {
      throw new ParleyError(
        'PRECONDITION_FAILED',
        `cannot ${what}: they are the last active admin; make another user admin first`,
      );
    }
  }

  const emailTaken = (email: string) =>
    new ParleyError('CONFLICT', `a user with the email ${email} already exists`, { email });

  return {
    async createUser(actor: Principal, input: CreateUserInput): Promise<UserView> {
      const { email, name, role, password } = parseInput(createUserInput, input);
      // Hashing is slow on purpose: do it before taking the write transaction.
      const passwordHash = await hashPassword(password);
      try {
        return await transaction(async (tx) => {
          const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email));
          if (existing) throw emailTaken(email);
          const now = clock.now();
          const user = {
            id: newId('usr'),
            email,
            name,
            role,
            passwordHash,
            createdAt: now,
            disabledAt: null,
          };
          await tx.insert(users).values(user);
          await recordAudit(
            tx,
            tables,
            actor,
            { action: 'users.create', targetType: 'user', targetId: user.id, details: { email, name, role } },
            now,
          );
          return toUserView(user);
        });
      } catch (error) {
        // Two admins creating the same email at once on PostgreSQL: the unique index decides.
        if (isUniqueViolation(error)) throw emailTaken(email);
        throw error;
      }
    },

    /** Every user, disabled ones included, oldest first. */
    async listUsers(): Promise<UserView[]> {
      return db.select(userViewColumns(tables)).from(users).orderBy(asc(users.createdAt), asc(users.email));
    },

    async getUser(id: string): Promise<UserView> {
      return toUserView(await requireUser(db, id));
    },

    async updateUser(actor: Principal, input: UpdateUserInput): Promise<UserView> {
      const { id, name, role } = parseInput(updateUserInput, input);
      return transaction(async (tx) => {
        const before = await requireUser(tx, id);
        const changes: Record<string, { from: string; to: string }> = {};
        if (name !== undefined && name !== before.name) changes.name = { from: before.name, to: name };
        if (role !== undefined && role !== before.role) changes.role = { from: before.role, to: role };
        if (Object.keys(changes).length === 0) return toUserView(before);
        if (changes.role && before.role === 'admin' && before.disabledAt === null) {
          await keepAnAdmin(tx, id, `make ${before.email} ${role}`);
        }
        const after = { ...before, name: name ?? before.name, role: role ?? before.role };
        await tx.update(users).set({ name: after.name, role: after.role }).where(eq(users.id, id));
        const now = clock.now();
        await recordAudit(
          tx,
          tables,
          actor,
          { action: 'users.update', targetType: 'user', targetId: id, details: changes },
          now,
        );
        return toUserView(after);
      });
    },

    /** Disables a user: they can no longer sign in, and their open sessions end now. */
    async disableUser(actor: Principal, input: DisableUserInput): Promise<UserView> {
      const { id } = parseInput(disableUserInput, input);
      return transaction(async (tx) => {
        const before = await requireUser(tx, id);
        if (before.disabledAt !== null) return toUserView(before);
        if (before.role === 'admin') await keepAnAdmin(tx, id, `disable ${before.email}`);
        const now = clock.now();
        await tx.update(users).set({ disabledAt: now }).where(eq(users.id, id));
        await tx.delete(sessions).where(eq(sessions.userId, id));
        await recordAudit(
          tx,
          tables,
          actor,
          { action: 'users.disable', targetType: 'user', targetId: id, details: { email: before.email } },
          now,
        );
        return toUserView({ ...before, disabledAt: now });
      });
    },

    /**
     * Changes the signed-in user's own password, given the current one. Their other sessions end;
     * `keepSessionToken` (the session making the request) stays signed in.
     */
    async changePassword(
      actor: Principal,
      input: ChangePasswordInput,
      options: { keepSessionToken?: string } = {},
    ): Promise<void> {
      const { currentPassword, newPassword } = parseInput(changePasswordInput, input);
      if (actor.type !== 'user') {
        throw new ParleyError('FORBIDDEN', 'only a signed-in user can change their own password');
      }
      const user = await requireUser(db, actor.id);
      if (user.disabledAt !== null) throw new ParleyError('UNAUTHORIZED', 'this account is disabled');
      if (!(await verifyPassword(currentPassword, user.passwordHash))) {
        throw new ParleyError('BAD_REQUEST', 'currentPassword: the current password is not correct', {
          field: 'currentPassword',
        });
      }
      if (currentPassword === newPassword) {
        throw new ParleyError(
          'BAD_REQUEST',
          'newPassword: the new password must differ from the current one',
          {
            field: 'newPassword',
          },
        );
      }
      const passwordHash = await hashPassword(newPassword);
      await transaction(async (tx) => {
        // Compare-and-set: a concurrent change made with the same current password wins only once.
        const updated = await tx
          .update(users)
          .set({ passwordHash })
          .where(and(eq(users.id, user.id), eq(users.passwordHash, user.passwordHash)))
          .returning({ id: users.id });
        if (updated.length === 0) {
          throw new ParleyError(
            'CONFLICT',
            'the password was changed meanwhile; sign in again with the new one',
          );
        }
        const others = options.keepSessionToken
          ? and(eq(sessions.userId, user.id), ne(sessions.tokenHash, hashSecret(options.keepSessionToken)))
          : eq(sessions.userId, user.id);
        await tx.delete(sessions).where(others);
        const now = clock.now();
        await recordAudit(
          tx,
          tables,
          actor,
          { action: 'users.changePassword', targetType: 'user', targetId: user.id },
          now,
        );
      });
    },
  };
}

export type UserService = ReturnType<typeof createUserService>;

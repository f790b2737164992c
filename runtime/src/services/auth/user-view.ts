import type { Tables } from '../../store/database.ts';
import type { Principal } from '../principal.ts';

type UserRow = Tables['users']['$inferSelect'];

/** A user as the API shows them: every column but the password hash. */
export type UserView = Omit<UserRow, 'passwordHash'>;

/** The columns to select for a `UserView`, so a hash is never read where it is not needed. */
export function userViewColumns(tables: Tables) {
  const { id, email, name, role, createdAt, disabledAt } = tables.users;
  return { id, email, name, role, createdAt, disabledAt };
}

export function toUserView({ passwordHash: _, ...view }: UserRow): UserView {
  return view;
}

export function userPrincipal(user: Pick<UserRow, 'id' | 'role' | 'name'>): Principal {
  return { type: 'user', id: user.id, role: user.role, name: user.name };
}

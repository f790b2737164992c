import type { Database } from '../../store/database.ts';
import type { Clock } from '../clock.ts';

export type AuthDeps = {
  database: Database;
  clock: Clock;
  /** How long a session lasts from sign-in; 12 hours unless configured. */
  sessionTtlMs?: number;
};

export const defaultSessionTtlMs = 12 * 60 * 60 * 1000;

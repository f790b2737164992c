import { ParleyError } from '../../errors.ts';
import { isUniqueViolation } from '../../store/database.ts';

/** Thrown inside a transaction when a row changed between reading and writing it; the whole transaction is retried. */
export class RaceLost extends Error {
  constructor(what: string) {
    super(`${what} changed while it was being updated`);
    this.name = 'RaceLost';
  }
}

/**
 * Runs a transaction again when a concurrent one got there first: a lost compare-and-set, or a unique
 * key taken (two publishes numbering the same version). PostgreSQL aborts the transaction on such an
 * error, so the retry has to be of the whole transaction, not of one statement.
 */
export async function retryOnRace<T>(what: string, run: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      const raced = error instanceof RaceLost || isUniqueViolation(error);
      if (!raced) throw error;
      if (attempt >= attempts) {
        throw new ParleyError('CONFLICT', `${what} kept changing while this request ran; try again`);
      }
    }
  }
}

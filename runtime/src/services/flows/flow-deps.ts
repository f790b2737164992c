import type { Database } from '../../store/database.ts';
import type { Clock } from '../clock.ts';
import type { BuildStep } from './build-steps.ts';

export type FlowServiceDeps = {
  database: Database;
  clock: Clock;
  /** Run on every publish; defaults to the steps node kinds declare. */
  buildSteps?: readonly BuildStep[];
};

import { contextAction, defineRuntime } from '../machine/implementation-helpers.ts';
import { type Assignment, applyAssignments, lastErrorUpdate } from './apply-assignments.ts';

export const setVariableRuntime = defineRuntime(() => ({
  actions: {
    'set-variable.assign': contextAction<{ assignments: Assignment[] }>(({ context }, { assignments }) => {
      const { vars, errors } = applyAssignments(context, assignments);
      return { vars, ...lastErrorUpdate(context, errors) };
    }),
  },
}));

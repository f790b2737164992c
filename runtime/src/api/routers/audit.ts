import { z } from 'zod';
import { listAudit } from '../../services/audit.ts';
import { guardedProcedure, router } from '../trpc.ts';

export const auditRouter = router({
  list: guardedProcedure('audit.list')
    .input(z.object({ limit: z.number().int().min(1).max(1000).default(100) }))
    .query(({ ctx, input }) => {
      const { db, tables } = ctx.services.database;
      return listAudit(db, tables, input.limit);
    }),
});

import { z } from 'zod';

/*
 * Input schemas of the flow service, one per method, reused by the tRPC layer. The service parses its
 * arguments with them too, so every caller meets the same rules and messages.
 */

export const flowIdSchema = z
  .string()
  .min(1, 'a flow id is required')
  .max(100, 'a flow id has at most 100 characters');

export const flowNameSchema = z
  .string()
  .trim()
  .min(1, 'a flow name is required')
  .max(120, 'a flow name has at most 120 characters');

export const environmentSchema = z
  .string()
  .regex(
    /^[a-z][a-z0-9-]{0,31}$/,
    'an environment name is lowercase letters, digits and "-", starts with a letter and has at most 32 characters',
  );

/** The largest whole number the stores' integer columns hold (PostgreSQL `integer`). */
const MAX_STORED_INT = 2_147_483_647;

export const versionNumberSchema = z
  .number()
  .int('a version number is a whole number')
  .positive('version numbers start at 1')
  .max(MAX_STORED_INT, `a version number is at most ${MAX_STORED_INT}`);

/** A published version by number, or the flow's current draft. */
export const versionRefSchema = z.union([versionNumberSchema, z.literal('draft')]);
export type VersionRef = z.infer<typeof versionRefSchema>;

export const createFlowInput = z
  .object({ name: flowNameSchema.optional(), flow: z.unknown().optional() })
  .refine((input) => input.name !== undefined || input.flow !== undefined, 'give a name or a flow document');
export type CreateFlowInput = z.input<typeof createFlowInput>;

export const importFlowInput = z.object({ flow: z.unknown(), name: flowNameSchema.optional() });
export type ImportFlowInput = z.input<typeof importFlowInput>;

export const flowInput = z.object({ flowId: flowIdSchema });

export const renameFlowInput = z.object({ flowId: flowIdSchema, name: flowNameSchema });

export const saveDraftInput = z.object({
  flowId: flowIdSchema,
  draft: z.unknown(),
  /** The revision the edit started from; a save on top of a newer one is refused. */
  baseRevision: z
    .number()
    .int()
    .min(1, 'revisions start at 1')
    .max(MAX_STORED_INT, `a revision is at most ${MAX_STORED_INT}`),
});
export type SaveDraftInput = z.input<typeof saveDraftInput>;

export const publishInput = z.object({
  flowId: flowIdSchema,
  notes: z.string().trim().max(2000, 'release notes have at most 2000 characters').default(''),
});
export type PublishOptions = Omit<z.input<typeof publishInput>, 'flowId'>;

export const versionInput = z.object({ flowId: flowIdSchema, versionNumber: versionNumberSchema });

export const deployInput = z.object({
  flowId: flowIdSchema,
  environment: environmentSchema,
  versionNumber: versionNumberSchema,
});

export const rollbackInput = z.object({
  flowId: flowIdSchema,
  environment: environmentSchema,
  /** Without it, back to the version live before the current deployment. */
  toVersion: versionNumberSchema.optional(),
});

export const trafficSplitInput = z
  .object({
    flowId: flowIdSchema,
    environment: environmentSchema,
    versionNumber: versionNumberSchema.nullable().optional(),
    percent: z
      .number()
      .int('percent is a whole number')
      .min(0, 'percent is between 1 and 99, or 0 to remove the split')
      .max(99, 'percent is at most 99; to send every new conversation to a version, deploy it')
      .nullable()
      .optional(),
  })
  .refine((input) => !input.percent || input.versionNumber != null, {
    path: ['versionNumber'],
    message: 'name the version that gets the split traffic',
  });
export type TrafficSplit = Omit<z.input<typeof trafficSplitInput>, 'flowId' | 'environment'>;

export const historyInput = z.object({
  flowId: flowIdSchema,
  environment: environmentSchema.optional(),
  limit: z.number().int().min(1).max(1000).default(200),
});

export const liveVersionInput = z.object({
  flowId: flowIdSchema,
  environment: environmentSchema,
  /** A new conversation's id: picks its side of a traffic split, the same way every time. */
  conversationKey: z.string().min(1).optional(),
});

export const diffInput = z.object({ flowId: flowIdSchema, from: versionRefSchema, to: versionRefSchema });

export const deployPreviewInput = deployInput;

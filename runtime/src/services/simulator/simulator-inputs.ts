import { botMessageSchema, userEventSchema } from '@parley/shared';
import { z } from 'zod';
import { flowIdSchema } from '../flows/inputs.ts';

/*
 * Inputs and answers of the simulator, shared with the tRPC layer. The server keeps nothing between
 * turns: every answer carries the session, and the client sends it back with the next event.
 */

const channel = z.string().trim().min(1).max(64);
const locale = z.string().trim().min(2).max(35);
const status = z.enum(['active', 'ended']);
/** Far more turns than anyone types by hand; bounded so the counter stays a safe integer. */
const turnNumber = z.number().int().min(0).max(1_000_000);

/**
 * The draft as the designer holds it, unsaved edits included; left out, the saved draft runs. Parsed by
 * the service (`parseFlowDocument`), so an error names the field of the document that is wrong.
 */
const flow = z.unknown().optional();

export const simulatorStartInput = z.object({
  flowId: flowIdSchema,
  flow,
  channel,
  locale: locale.optional(),
});

/** A session as the last answer returned it; `status` and `turn` may be sent back too. */
export const simulatorSessionInput = z.object({
  snapshot: z.string().min(1, 'the session has no snapshot; start a new simulation'),
  channel,
  locale,
  status: status.optional(),
  turn: turnNumber.default(0),
});

export const simulatorSendInput = z.object({
  flowId: flowIdSchema,
  flow,
  session: simulatorSessionInput,
  event: userEventSchema,
});

export type SimulatorStartInput = z.input<typeof simulatorStartInput>;
export type SimulatorSendInput = z.input<typeof simulatorSendInput>;
export type ParsedSimulatorSendInput = z.output<typeof simulatorSendInput>;

/** Never parsed at run time: it states the answer's shape once, for the type and for readers. */
export const simulatorAnswerSchema = z.object({
  session: z.object({
    /** XState's persisted snapshot as JSON text: opaque to the client, which sends it back unchanged. */
    snapshot: z.string(),
    channel: z.string(),
    locale: z.string(),
    status,
    /** The turn this answer is: 0 for the start. */
    turn: turnNumber,
  }),
  messages: z.array(botMessageSchema),
  /** The node the conversation now waits at (or ended at), for the designer to highlight. */
  node: z.string().nullable(),
  /** The flow's variables after the turn; those the flow marks `sensitive` are masked. */
  vars: z.record(z.string(), z.json()),
  /** Set once the conversation has ended: `resolved`, `escalated`, ... */
  resolution: z.string().nullable(),
  turn: turnNumber,
});

export type SimulatorAnswer = z.output<typeof simulatorAnswerSchema>;
export type SimulatorSession = SimulatorAnswer['session'];

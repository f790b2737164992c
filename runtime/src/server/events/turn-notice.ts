import { z } from 'zod';
import type { CommittedTurn } from '../../services/conversations/index.ts';

/** That a turn committed, by ids only: listeners read what happened from the committed rows. */
export type TurnNotice = { conversationId: string; flowId: string; environment: string; turn: number };

export const noticeOf = (turn: CommittedTurn): TurnNotice => ({
  conversationId: turn.conversationId,
  flowId: turn.flowId,
  environment: turn.environment,
  turn: turn.turn,
});

/** The PostgreSQL NOTIFY payload: short keys, NOTIFY payloads are limited to 8000 bytes. */
const payloadSchema = z.object({
  /** The instance that announced it, so it does not deliver its own notices twice. */
  o: z.string(),
  c: z.string(),
  f: z.string(),
  e: z.string(),
  t: z.number().int().min(0),
});

const encodeOne = (notice: TurnNotice, origin: string): z.infer<typeof payloadSchema> => ({
  o: origin,
  c: notice.conversationId,
  f: notice.flowId,
  e: notice.environment,
  t: notice.turn,
});

/** Payloads of at most `maxBytes` (NOTIFY refuses more than 8000), each an array of notices. */
export function encodeNotices(notices: TurnNotice[], origin: string, maxBytes = 7000): string[] {
  const payloads: string[] = [];
  let batch: string[] = [];
  let size = 2;
  for (const notice of notices) {
    const one = JSON.stringify(encodeOne(notice, origin));
    if (batch.length > 0 && size + one.length + 1 > maxBytes) {
      payloads.push(`[${batch.join(',')}]`);
      batch = [];
      size = 2;
    }
    batch.push(one);
    size += one.length + 1;
  }
  if (batch.length > 0) payloads.push(`[${batch.join(',')}]`);
  return payloads;
}

/** The notices in a payload, each with the instance it came from; none for a payload that is not ours. */
export function decodeNotices(payload: string): { origin: string; notice: TurnNotice }[] {
  let json: unknown;
  try {
    json = JSON.parse(payload);
  } catch {
    return [];
  }
  const parsed = z.array(payloadSchema).safeParse(json);
  if (!parsed.success) return [];
  return parsed.data.map(({ o, c, f, e, t }) => ({
    origin: o,
    notice: { conversationId: c, flowId: f, environment: e, turn: t },
  }));
}

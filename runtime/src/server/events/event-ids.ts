import { ParleyError } from '../../errors.ts';
import { type ConversationEvent, type Cursor, cursorOf } from './conversation-event.ts';

/*
 * Event ids a reconnecting client hands back as `lastEventId`. They are positions in the transcript, the
 * source of every event, so a stream can resume from any of them.
 */

/** `events.conversation`: `<turn>.<rank>`, e.g. `3.1` for the third turn's `turn` event. */
export const conversationEventId = (event: ConversationEvent): string => {
  const { turn, rank } = cursorOf(event);
  return `${turn}.${rank}`;
};

/** `events.flow`: `<at>:<conversationId>:<turn>.<rank>`; `at` lets a flow stream resume by time. */
export const flowEventId = (event: ConversationEvent): string =>
  `${event.at}:${event.conversationId}:${conversationEventId(event)}`;

const CURSOR = /^(\d{1,9})\.([0-2])$/;
const FLOW_ID = /^(\d{1,15}):([A-Za-z0-9_-]{1,200}):(\d{1,9}\.[0-2])$/;

function badId(id: string, stream: string): ParleyError {
  return new ParleyError(
    'BAD_REQUEST',
    `lastEventId "${id.slice(0, 80)}" is not an event id of ${stream}; pass the id of the last event received`,
  );
}

export function parseConversationEventId(id: string): Cursor {
  const match = CURSOR.exec(id);
  if (!match) throw badId(id, 'events.conversation');
  return { turn: Number(match[1]), rank: Number(match[2]) };
}

export type FlowPosition = { at: number; conversationId: string; cursor: Cursor };

export function parseFlowEventId(id: string): FlowPosition {
  const match = FLOW_ID.exec(id);
  if (!match?.[2] || !match[3]) throw badId(id, 'events.flow');
  return { at: Number(match[1]), conversationId: match[2], cursor: parseConversationEventId(match[3]) };
}

/**
 * Test support: runs flows through the real turn engine, storing and restoring the snapshot as JSON text
 * between turns the way a stateless server does.
 */
import type { FlowDocumentInput, JsonValue, UserEvent } from '@parley/shared';
import { expect } from 'vitest';
import {
  type Conversation,
  loadVersion,
  startConversation,
  type TurnResult,
  turn,
} from '../../../runtime/src/engine/index.ts';
import { compileFlow } from '../compile/compile-flow.ts';
import { type MachineConfig, WAITING_TAG } from '../core/machine-config.ts';
import type { RuntimeDeps } from '../machine/implementation-helpers.ts';

/**
 * Makes node `nodeId` (one with a single `next` edge, such as a message) wait for the next user message
 * before moving on: a stand-in for an ask node, so the kinds that never wait can be tested across turns.
 */
export function waitAt(machine: MachineConfig, nodeId: string): MachineConfig {
  const state = machine.states[nodeId];
  const next = state?.always?.[0]?.target;
  if (!state || !next) throw new Error(`waitAt: node "${nodeId}" has no "next" transition to wait before`);
  const { always: _always, ...rest } = state;
  const waiting = { ...rest, tags: [WAITING_TAG], on: { 'user.message': [{ target: next }] } };
  return { ...machine, states: { ...machine.states, [nodeId]: waiting } };
}

/** The persisted XState snapshot as stored between turns. */
export type StoredSnapshot = {
  status: string;
  value: unknown;
  children: Record<string, unknown>;
  context: {
    vars: Record<string, JsonValue>;
    lastError: string | null;
    locale: string;
    node: string | null;
    attempts: Record<string, number>;
  };
};

export type FlowRun = {
  opening: TurnResult;
  /** Sends a user event after a JSON round trip of the stored conversation. */
  send(event: UserEvent): Promise<TurnResult>;
  /** Sends a typed user message, like `send(text(...))`. */
  reply(text: string): Promise<TurnResult>;
  /** The snapshot as stored after the latest turn. */
  stored(): StoredSnapshot;
};

export type RunOptions = {
  /** Nodes that wait for a user message before following their `next` edge (see waitAt). */
  pauseAt?: string[];
  deps?: Partial<RuntimeDeps>;
  channel?: string;
  locale?: string;
};

/** Starts a conversation on `flow` and returns a handle to continue it turn by turn. */
export async function runFlow(flow: FlowDocumentInput, options: RunOptions = {}): Promise<FlowRun> {
  const machine = (options.pauseAt ?? []).reduce(waitAt, compileFlow(flow));
  const load = () => loadVersion({ flow, machine }, options.deps ?? {});
  const opening = await startConversation(load(), {
    channel: options.channel ?? 'web',
    ...(options.locale ? { locale: options.locale } : {}),
  });
  let last = opening;
  // What a stateless server does between turns: parse the stored JSON, load the version afresh, go on.
  const fromStorage = (conversation: Conversation): Conversation => {
    const stored: unknown = JSON.parse(conversation.snapshot);
    expect(JSON.stringify(stored)).toBe(conversation.snapshot);
    return { ...conversation, version: load(), snapshot: JSON.stringify(stored) };
  };
  const send = async (event: UserEvent) => {
    last = await turn(fromStorage(last.conversation), event);
    return last;
  };
  return {
    opening,
    send,
    reply: (text) => send({ type: 'user.message', text }),
    stored: () => JSON.parse(last.conversation.snapshot) as StoredSnapshot,
  };
}

export const text = (value: string): UserEvent => ({ type: 'user.message', text: value });
export const click = (value: string): UserEvent => ({ type: 'user.choice', value });
export const press = (digits: string): UserEvent => ({ type: 'user.dtmf', digits });
export const silence: UserEvent = { type: 'timer.no-input' };

/** Starts a conversation in `locale` (default: the flow's first language). */
export const startChat = (flow: FlowDocumentInput, locale?: string) =>
  runFlow(flow, locale ? { locale } : {});

/** An edge from `source`'s `port` to `target`, with a readable id. */
export const edge = (source: string, port: string, target: string) => ({
  id: `${source}.${port}->${target}`,
  source,
  sourcePort: port,
  target,
});

/** The compiled state of one node, for compile snapshots. */
export function compiledState(flow: FlowDocumentInput, nodeId: string) {
  return compileFlow(flow).states[nodeId];
}

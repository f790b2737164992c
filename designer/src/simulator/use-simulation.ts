import type { BotMessage, FlowDocument, UserEvent } from '@parley/shared';
import { useCallback, useRef, useState } from 'react';
import type { ApiClient, ApiOutputs } from '../api/api-client.ts';
import { errorMessage } from '../api/error-message.ts';

type Answer = ApiOutputs['simulator']['start'];
export type SimulationEntry =
  | { from: 'user'; event: UserEvent }
  | { from: 'bot'; message: BotMessage }
  | { from: 'error'; text: string };

/**
 * A conversation with the draft as the editor holds it now. The server keeps nothing: each answer carries
 * the conversation's snapshot, which the next message sends back.
 */
export function useSimulation(api: ApiClient, flowId: string) {
  const [entries, setEntries] = useState<SimulationEntry[]>([]);
  const [last, setLast] = useState<Answer | null>(null);
  const [busy, setBusy] = useState(false);
  const session = useRef<Answer['session'] | null>(null);

  const take = useCallback((answer: Answer) => {
    session.current = answer.session;
    setLast(answer);
    setEntries((before) => [
      ...before,
      ...answer.messages.map((message) => ({ from: 'bot' as const, message })),
    ]);
  }, []);

  const fail = useCallback((cause: unknown) => {
    setEntries((before) => [...before, { from: 'error', text: errorMessage(cause) }]);
  }, []);

  const start = useCallback(
    async (flow: FlowDocument, channel: string) => {
      setBusy(true);
      setEntries([]);
      setLast(null);
      session.current = null;
      try {
        take(await api.simulator.start.mutate({ flowId, flow, channel }));
      } catch (cause) {
        fail(cause);
      } finally {
        setBusy(false);
      }
    },
    [api, flowId, take, fail],
  );

  const send = useCallback(
    async (flow: FlowDocument, event: UserEvent) => {
      const current = session.current;
      if (!current) return;
      setBusy(true);
      setEntries((before) => [...before, { from: 'user', event }]);
      try {
        take(await api.simulator.send.mutate({ flowId, flow, session: current, event }));
      } catch (cause) {
        fail(cause);
      } finally {
        setBusy(false);
      }
    },
    [api, flowId, take, fail],
  );

  return { entries, last, busy, start, send, started: last !== null };
}

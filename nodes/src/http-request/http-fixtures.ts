/** Test support: a flow around one HTTP node, and a way to run it and see which port it took. */
import type { FlowDocumentInput, FlowSettings } from '@parley/shared';
import type { RuntimeDeps } from '../machine/implementation-helpers.ts';
import { edge, runFlow } from '../testing/flow-harness.ts';

export type HttpSettings = Partial<FlowSettings['http']>;

/**
 * start -> call -> success: "ok" -> resolved end, error: "failed: {{failure}}" -> unresolved end.
 * `failure` is the errorVariable unless `data` says otherwise.
 */
export function httpFlow(data: Record<string, unknown>, http: HttpSettings = {}): FlowDocumentInput {
  return {
    id: 'http-fixture',
    name: 'HTTP fixture',
    variables: [
      { name: 'orderId', initial: 'AB-1001' },
      { name: 'customer', initial: 'Ada "the Countess" Lovelace\nLondon' },
      { name: 'cart', initial: [{ sku: 'tea', qty: 2 }] },
      { name: 'token', initial: 's3cret' },
      { name: 'status' },
      { name: 'code' },
      { name: 'detail' },
      { name: 'failure', initial: 'an old failure' },
    ],
    nodes: [
      { id: 'start', type: 'start', data: {} },
      { id: 'call', type: 'http-request', data: { errorVariable: 'failure', ...data } },
      { id: 'ok', type: 'message', data: { messages: [{ type: 'text', text: 'ok' }] } },
      { id: 'failed', type: 'message', data: { messages: [{ type: 'text', text: 'failed: {{failure}}' }] } },
      { id: 'resolved', type: 'end', data: { status: 'resolved' } },
      { id: 'unresolved', type: 'end', data: { status: 'unresolved' } },
    ],
    edges: [
      edge('start', 'next', 'call'),
      edge('call', 'success', 'ok'),
      edge('call', 'error', 'failed'),
      edge('ok', 'next', 'resolved'),
      edge('failed', 'next', 'unresolved'),
    ],
    settings: {
      http: { allowedPrivateHosts: ['127.0.0.1'], defaultTimeoutMs: 5_000, ...http },
      limits: { maxStepsPerTurn: 100, turnTimeoutMs: 10_000 },
    },
  };
}

/** Runs the flow to its end and reports the port the HTTP node took and the variables it left. */
export async function callOnce(flow: FlowDocumentInput, deps: Partial<RuntimeDeps> = {}) {
  const { opening } = await runFlow(flow, { deps });
  const port = opening.resolution === 'resolved' ? 'success' : 'error';
  return { port, vars: opening.vars, messages: opening.messages };
}

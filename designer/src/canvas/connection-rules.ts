import type { FlowDocument } from '@parley/shared';
import { labels } from './labels.ts';
import { hasInput, portsOf } from './ports.ts';

/** What xyflow hands over for a connection attempt; handles are null when a node has a single one. */
export type ConnectionAttempt = {
  source: string | null;
  sourceHandle?: string | null;
  target: string | null;
};

export type ConnectionRefusal = 'self-loop' | 'into-start' | 'port-taken' | 'unknown-node' | 'unknown-port';

export type ConnectionCheck =
  | { ok: true; source: string; sourcePort: string; target: string }
  | { ok: false; reason: ConnectionRefusal; port?: string };

/**
 * A port takes one edge, so a conversation never has two ways to continue from the same answer.
 * `ignoreEdgeId` lets an edge being reconnected not count against its own port.
 */
export function checkConnection(
  flow: Pick<FlowDocument, 'nodes' | 'edges'>,
  attempt: ConnectionAttempt,
  ignoreEdgeId?: string,
): ConnectionCheck {
  const source = flow.nodes.find((n) => n.id === attempt.source);
  const target = flow.nodes.find((n) => n.id === attempt.target);
  if (!source || !target) return { ok: false, reason: 'unknown-node' };
  if (source.id === target.id) return { ok: false, reason: 'self-loop' };
  if (!hasInput(target.type)) return { ok: false, reason: 'into-start' };
  const port = attempt.sourceHandle ?? '';
  const edges = flow.edges.filter((e) => e.id !== ignoreEdgeId);
  if (!portsOf(source, edges).some((p) => p.name === port && !p.stale)) {
    return { ok: false, reason: 'unknown-port', port };
  }
  if (edges.some((e) => e.source === source.id && e.sourcePort === port)) {
    return { ok: false, reason: 'port-taken', port };
  }
  return { ok: true, source: source.id, sourcePort: port, target: target.id };
}

export function refusalHint(check: Extract<ConnectionCheck, { ok: false }>): string {
  switch (check.reason) {
    case 'self-loop':
      return labels.hints.selfLoop;
    case 'into-start':
      return labels.hints.intoStart;
    case 'port-taken':
      return labels.hints.portTaken(check.port ?? '');
    case 'unknown-node':
      return labels.hints.unknownNode;
    case 'unknown-port':
      return labels.hints.unknownPort;
  }
}

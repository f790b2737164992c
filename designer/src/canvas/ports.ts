import { definitionOf, isNodeKind } from '@parley/nodes';
import type { FlowDocument, FlowNode } from '@parley/shared';
import { labels } from './labels.ts';

export type PortView = {
  name: string;
  label: string;
  required: boolean;
  /** An edge still leaves from a port the config no longer offers (e.g. a removed choice). */
  stale: boolean;
};

function offeredPorts(node: FlowNode): { name: string; label: string; required: boolean }[] {
  if (!isNodeKind(node.type)) return [];
  const definition = definitionOf(node.type);
  const parsed = definition.configSchema.safeParse(node.data);
  if (parsed.success) return definition.ports(parsed.data);
  // Mid-edit configs often fail one refinement while their ports are still readable.
  try {
    return definition.ports(node.data);
  } catch {
    return [];
  }
}

/**
 * The node's output ports, plus any port an edge still uses: without a handle xyflow drops the edge
 * silently, and the author would never see the connection they have to fix.
 */
export function portsOf(node: FlowNode, edges: FlowDocument['edges']): PortView[] {
  const ports: PortView[] = offeredPorts(node).map((p) => ({
    ...p,
    label: labels.portLabel(p.label),
    stale: false,
  }));
  const names = new Set(ports.map((p) => p.name));
  for (const edge of edges) {
    if (edge.source !== node.id || names.has(edge.sourcePort)) continue;
    names.add(edge.sourcePort);
    ports.push({
      name: edge.sourcePort,
      label: labels.stalePort(edge.sourcePort),
      required: false,
      stale: true,
    });
  }
  return ports;
}

/** Start is the only kind nothing may enter. */
export function hasInput(kind: string): boolean {
  return kind !== 'start';
}

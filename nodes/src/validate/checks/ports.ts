import { didYouMean } from '../closest-name.ts';
import { diagnostic, type FlowDiagnostic } from '../diagnostic-codes.ts';
import { type FlowGraph, type GraphEdge, type GraphNode, portExists } from '../flow-graph.ts';
import { quoteList } from '../labels.ts';

function danglingEdges(graph: FlowGraph): FlowDiagnostic[] {
  const found: FlowDiagnostic[] = [];
  // A node lost to a document error may be the missing end: only report ends when every node was read.
  const checkEnds = graph.read.nodesComplete;
  const ids = [...graph.byId.keys()];
  for (const edge of graph.edges) {
    const { source, sourcePort, target } = edge.value;
    const from = graph.byId.get(source);
    const where = { edgeId: edge.id, ...(from ? { nodeId: from.id } : {}) };
    if (!from && checkEnds) {
      found.push(
        diagnostic(
          'dangling-edge',
          `edge "${edge.id}" starts at node "${source}", which does not exist.${didYouMean(source, ids)} ` +
            'Reconnect the edge or delete it.',
          where,
        ),
      );
    }
    if (from && !portExists(from, sourcePort)) {
      const ports = from.facts?.ports.map((p) => p.name) ?? [];
      const has = ports.length > 0 ? `its ports are ${quoteList(ports)}` : 'it has no output ports';
      found.push(
        diagnostic(
          'dangling-edge',
          `edge "${edge.id}" leaves ${from.label} through port "${sourcePort}", which that node does not have ` +
            `(${has}).${didYouMean(sourcePort, ports)} Reconnect the edge to an existing port or delete it.`,
          where,
        ),
      );
    }
    if (!graph.byId.has(target) && checkEnds) {
      found.push(
        diagnostic(
          'dangling-edge',
          `edge "${edge.id}" leads ${from ? `from ${from.label} ` : ''}to node "${target}", which does not exist.` +
            `${didYouMean(target, ids)} Reconnect the edge or delete it.`,
          where,
        ),
      );
    }
  }
  return found;
}

/** Edges grouped by the node and port they leave, for ports that exist. */
function edgesByPort(graph: FlowGraph): Map<GraphNode, Map<string, GraphEdge[]>> {
  const byPort = new Map<GraphNode, Map<string, GraphEdge[]>>();
  for (const edge of graph.edges) {
    const from = graph.byId.get(edge.value.source);
    if (!from || !portExists(from, edge.value.sourcePort)) continue;
    const ports = byPort.get(from) ?? new Map<string, GraphEdge[]>();
    byPort.set(from, ports);
    const edges = ports.get(edge.value.sourcePort);
    if (edges) edges.push(edge);
    else ports.set(edge.value.sourcePort, [edge]);
  }
  return byPort;
}

function crowdedPorts(byPort: Map<GraphNode, Map<string, GraphEdge[]>>): FlowDiagnostic[] {
  const found: FlowDiagnostic[] = [];
  for (const [node, ports] of byPort) {
    for (const [port, edges] of ports) {
      const [, second] = edges;
      if (!second) continue;
      found.push(
        diagnostic(
          'port-multiple-edges',
          `port "${port}" of ${node.label} has ${edges.length} edges (${quoteList(edges.map((e) => e.id))}), ` +
            `leading to ${quoteList(edges.map((e) => e.value.target))}; a port leads to one node, so delete all but one.`,
          { nodeId: node.id, edgeId: second.id },
        ),
      );
    }
  }
  return found;
}

function unconnectedPorts(
  graph: FlowGraph,
  byPort: Map<GraphNode, Map<string, GraphEdge[]>>,
): FlowDiagnostic[] {
  // An edge lost to a document error may be the one that connects the port.
  if (!graph.read.edgesComplete) return [];
  const found: FlowDiagnostic[] = [];
  for (const node of graph.byId.values()) {
    for (const port of node.facts?.ports ?? []) {
      if (!port.required || byPort.get(node)?.has(port.name)) continue;
      found.push(
        diagnostic(
          'required-port-unconnected',
          `port "${port.name}" (${port.label}) of ${node.label} is not connected; connect it to the node ` +
            'the conversation should go to next.',
          { nodeId: node.id },
        ),
      );
    }
  }
  return found;
}

/** `dangling-edge`, `port-multiple-edges`, `required-port-unconnected`: every edge and port makes sense. */
export function checkPorts(graph: FlowGraph): FlowDiagnostic[] {
  const byPort = edgesByPort(graph);
  return [...danglingEdges(graph), ...crowdedPorts(byPort), ...unconnectedPorts(graph, byPort)];
}

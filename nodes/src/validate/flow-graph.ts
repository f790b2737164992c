import type { FlowEdge } from '@parley/shared';
import type { z } from 'zod';
import type { ExpressionRef, NodeDefinition, PortSpec } from '../core/define-node.ts';
import { definitionOf, isNodeKind } from '../registry.ts';
import { errorReason } from './error-reason.ts';
import { nodeLabel } from './labels.ts';
import type { Indexed, ReadFlow } from './read-flow.ts';

/** What the node's definition says about its config; absent when the kind is unknown or the config invalid. */
export type NodeFacts = {
  ports: PortSpec[];
  expressions: ExpressionRef[];
  writes: string[];
};

export type GraphNode = {
  id: string;
  kind: string;
  /** Position in the document as written. */
  index: number;
  /** `node "ask1" (ask)`. */
  label: string;
  /** True for the second and later nodes sharing an id: graph checks skip them. */
  duplicate: boolean;
  definition: NodeDefinition | undefined;
  configIssues: z.core.$ZodIssue[];
  facts: NodeFacts | undefined;
};

export type GraphEdge = Indexed<FlowEdge> & { id: string };

/** The flow as the checks see it: nodes with their definitions, and the edges a conversation can follow. */
export type FlowGraph = {
  read: ReadFlow;
  nodes: GraphNode[];
  /** First node of each id. */
  byId: Map<string, GraphNode>;
  edges: GraphEdge[];
  /** Edges whose ends both exist and whose port the source has (or may have, when its ports are unknown). */
  links: GraphEdge[];
  variables: ReadonlySet<string>;
};

function unreadable(what: string, error: unknown): z.core.$ZodIssue[] {
  return [{ code: 'custom', path: [], message: `${what}: ${errorReason(error)}`, input: undefined }];
}

/** Parses the node's config and asks its definition about it; anything thrown becomes a config issue. */
function describeNode(definition: NodeDefinition, data: unknown): Pick<GraphNode, 'configIssues' | 'facts'> {
  let parsed: ReturnType<NodeDefinition['configSchema']['safeParse']>;
  try {
    parsed = definition.configSchema.safeParse(data);
  } catch (error) {
    return { configIssues: unreadable('could not be read', error), facts: undefined };
  }
  if (!parsed.success) return { configIssues: parsed.error.issues, facts: undefined };
  try {
    const config = parsed.data;
    const facts = {
      ports: definition.ports(config),
      expressions: definition.expressions(config),
      writes: definition.writes(config),
    };
    return { configIssues: [], facts };
  } catch (error) {
    // A definition failing on a config its own schema accepted is a bug in Parley, but the author
    // still deserves to see which node it is rather than a failed validation.
    return { configIssues: unreadable('could not be checked (please report this)', error), facts: undefined };
  }
}

function graphNode(node: ReadFlow['nodes'][number], duplicate: boolean): GraphNode {
  const { id, type, data } = node.value;
  const base = { id, kind: type, index: node.index, label: nodeLabel(id, type), duplicate };
  if (!isNodeKind(type)) return { ...base, definition: undefined, configIssues: [], facts: undefined };
  const definition = definitionOf(type);
  return { ...base, definition, ...describeNode(definition, data) };
}

/** True when an edge leaving `node` through `port` is one a running flow would take. */
export function portExists(node: GraphNode, port: string): boolean {
  // Unknown ports get the benefit of the doubt: the node's own diagnostic already asks for a fix.
  return node.facts === undefined || node.facts.ports.some((p) => p.name === port);
}

export function buildFlowGraph(read: ReadFlow): FlowGraph {
  const byId = new Map<string, GraphNode>();
  const nodes = read.nodes.map((node) => {
    const built = graphNode(node, byId.has(node.value.id));
    if (!built.duplicate) byId.set(built.id, built);
    return built;
  });
  const edges = read.edges.map((edge) => ({ ...edge, id: edge.value.id }));
  const links = edges.filter((edge) => {
    const source = byId.get(edge.value.source);
    return source !== undefined && byId.has(edge.value.target) && portExists(source, edge.value.sourcePort);
  });
  return { read, nodes, byId, edges, links, variables: new Set(read.variables) };
}

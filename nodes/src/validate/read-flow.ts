import {
  type FlowEdge,
  type FlowNode,
  flowDocumentSchema,
  flowEdgeSchema,
  flowNodeSchema,
} from '@parley/shared';
import type { z } from 'zod';
import { diagnostic, type FlowDiagnostic } from './diagnostic-codes.ts';
import { errorReason } from './error-reason.ts';
import { jsonProblems } from './json-problems.ts';
import { nodeLabel } from './labels.ts';
import { formatPath, issueText } from './zod-issues.ts';

/** An element with its position in the document as written. */
export type Indexed<T> = { value: T; index: number };

/** What could be read of a flow: every node and edge that parsed, even when the document as a whole did not. */
export type ReadFlow = {
  nodes: Indexed<FlowNode>[];
  edges: Indexed<FlowEdge>[];
  /** Every variable name written, even in a variable that is otherwise invalid. */
  variables: string[];
  /** False when some nodes could not be read: graph-wide checks would then blame what a lost node fixes. */
  nodesComplete: boolean;
  edgesComplete: boolean;
  /** False when `variables` is not a list, so names cannot be checked against it. */
  variablesKnown: boolean;
  /** `invalid-document` diagnostics. */
  diagnostics: FlowDiagnostic[];
  /** Position of each node and edge id in the document as written, for sorting diagnostics. */
  nodeOrder: Map<string, number>;
  edgeOrder: Map<string, number>;
};

type RawRecord = Record<string, unknown>;

function isRecord(value: unknown): value is RawRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringField(value: unknown, field: string): string | undefined {
  if (!isRecord(value)) return undefined;
  const found = value[field];
  return typeof found === 'string' ? found : undefined;
}

function orderOf(list: unknown[] | undefined): Map<string, number> {
  const order = new Map<string, number>();
  list?.forEach((element, index) => {
    const id = stringField(element, 'id');
    if (id !== undefined && !order.has(id)) order.set(id, index);
  });
  return order;
}

type Salvage<T> = { items: Indexed<T>[]; complete: boolean };

/** Parses each element on its own, so one bad node does not hide the others from the checks. */
function salvage<T>(
  list: unknown[] | undefined,
  schema: z.ZodType<T>,
  unreadable: ReadonlySet<number>,
  report: ((issue: z.core.$ZodIssue, index: number) => void) | undefined,
): Salvage<T> {
  if (!list) return { items: [], complete: false };
  const items: Indexed<T>[] = [];
  let complete = true;
  const parse = (element: unknown) => {
    try {
      return schema.safeParse(element);
    } catch {
      return undefined;
    }
  };
  list.forEach((element, index) => {
    const parsed = unreadable.has(index) ? undefined : parse(element);
    if (parsed?.success) items.push({ value: parsed.data, index });
    else {
      complete = false;
      for (const issue of parsed?.error.issues ?? []) report?.(issue, index);
    }
  });
  return { items, complete };
}

function documentIssueText(issue: z.core.$ZodIssue): string {
  if (issue.path.length === 0 && issue.code === 'invalid_type') {
    const received = /received (\w+)/.exec(issue.message)?.[1] ?? 'something else';
    return `the document: expected a flow document (a JSON object with "id", "name" and "nodes"), received ${received}`;
  }
  return issueText(issue);
}

/**
 * Reports `invalid-document` at a path, tagged with the node or edge the path is in when that element
 * has an id, so the designer can highlight it even when the id itself is what is wrong.
 */
function documentReporter(
  diagnostics: FlowDiagnostic[],
  rawNodes: unknown[] | undefined,
  rawEdges: unknown[] | undefined,
): (path: readonly PropertyKey[], text: string) => void {
  return (path, text) => {
    const [list, position] = path;
    const element =
      typeof position === 'number' || typeof position === 'string' ? Number(position) : Number.NaN;
    const nodeId = list === 'nodes' ? stringField(rawNodes?.[element], 'id') : undefined;
    if (nodeId !== undefined) {
      const kind = stringField(rawNodes?.[element], 'type') ?? 'no type';
      diagnostics.push(diagnostic('invalid-document', `${text} [${nodeLabel(nodeId, kind)}]`, { nodeId }));
      return;
    }
    const edgeId = list === 'edges' ? stringField(rawEdges?.[element], 'id') : undefined;
    if (edgeId !== undefined) {
      diagnostics.push(diagnostic('invalid-document', `${text} [edge "${edgeId}"]`, { edgeId }));
      return;
    }
    diagnostics.push(diagnostic('invalid-document', text));
  };
}

/** Reads a flow document leniently, reporting `invalid-document` once per problem with its path. */
export function readFlow(input: unknown): ReadFlow {
  const diagnostics: FlowDiagnostic[] = [];
  const document = isRecord(input) ? input : undefined;
  const listAt = (key: string): unknown[] | undefined => {
    const value = document?.[key];
    return Array.isArray(value) ? value : undefined;
  };
  const rawNodes = listAt('nodes');
  const rawEdges = listAt('edges');
  const rawVariables = listAt('variables');

  const report = documentReporter(diagnostics, rawNodes, rawEdges);

  const broken = jsonProblems(input);
  for (const { path, problem } of broken) {
    report(path, `${path.length === 0 ? 'the document' : formatPath(path)}: ${problem}`);
  }
  // Zod's view of a value already reported as not JSON would only say the same thing less clearly.
  const insideBroken = (path: readonly PropertyKey[]) =>
    broken.some((b) => b.path.every((key, i) => String(path[i]) === key));
  const unreadable = (list: string) =>
    new Set(broken.filter((b) => b.path[0] === list && b.path.length > 1).map((b) => Number(b.path[1])));

  let issuesReported = false;
  let whole: z.infer<typeof flowDocumentSchema> | undefined;
  try {
    const parsed = flowDocumentSchema.safeParse(input);
    if (parsed.success) whole = parsed.data;
    else {
      for (const issue of parsed.error.issues) {
        if (!insideBroken(issue.path)) report(issue.path, documentIssueText(issue));
      }
    }
    issuesReported = true;
  } catch (error) {
    if (broken.length === 0) {
      diagnostics.push(
        diagnostic('invalid-document', `the document could not be read: ${errorReason(error)}`),
      );
    }
  }

  const base = { diagnostics, nodeOrder: orderOf(rawNodes), edgeOrder: orderOf(rawEdges) };
  if (whole && broken.length === 0) {
    return {
      ...base,
      nodes: whole.nodes.map((value, index) => ({ value, index })),
      edges: whole.edges.map((value, index) => ({ value, index })),
      variables: whole.variables.map((v) => v.name),
      nodesComplete: true,
      edgesComplete: true,
      variablesKnown: true,
    };
  }

  // Elements' own issues are reported only when the whole-document parse could not report them.
  const elementReporter = (list: string) =>
    issuesReported
      ? undefined
      : (issue: z.core.$ZodIssue, index: number) => {
          const path = [list, index, ...issue.path];
          report(path, issueText(issue, [list, index]));
        };
  const nodes = salvage(rawNodes, flowNodeSchema, unreadable('nodes'), elementReporter('nodes'));
  const edgesMissing = document !== undefined && document.edges === undefined;
  const edges = edgesMissing
    ? { items: [], complete: true }
    : salvage(rawEdges, flowEdgeSchema, unreadable('edges'), elementReporter('edges'));
  const variablesMissing = document !== undefined && document.variables === undefined;
  return {
    ...base,
    nodes: nodes.items,
    edges: edges.items,
    variables: (rawVariables ?? []).flatMap((v) => stringField(v, 'name') ?? []),
    nodesComplete: nodes.complete,
    edgesComplete: edges.complete,
    variablesKnown: variablesMissing || rawVariables !== undefined,
  };
}

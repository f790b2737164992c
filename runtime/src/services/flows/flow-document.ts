import { type FlowDocument, flowDocumentSchema } from '@parley/shared';
import { ParleyError } from '../../errors.ts';
import { issuePath } from '../parse-input.ts';

/** zod hands out its default values (e.g. `settings`) by reference: a caller editing one would edit them all. */
function unshared(flow: FlowDocument): FlowDocument {
  return structuredClone(flow);
}

/**
 * Parses a draft or an imported file as a flow document (defaults filled in). Nodes' configs may still
 * be incomplete, that is what drafts are for; but the shape must be a flow, or BAD_REQUEST names where not.
 * `field` names the document itself when it is not an object at all (`flow`, `draft`: the input field).
 */
export function parseFlowDocument(input: unknown, field = 'the document'): FlowDocument {
  const parsed = flowDocumentSchema.safeParse(input);
  if (parsed.success) return unshared(parsed.data);
  const issues = parsed.error.issues.map((issue) => ({
    path: issuePath(issue.path, field),
    message: issue.message,
  }));
  const shown = issues.slice(0, 5).map((i) => `${i.path}: ${i.message}`);
  if (issues.length > shown.length) shown.push(`and ${issues.length - shown.length} more`);
  throw new ParleyError('BAD_REQUEST', `this is not a valid flow document: ${shown.join('; ')}`, { issues });
}

/** A flow that validates as it is: start, then end. */
export function starterFlow(id: string, name: string): FlowDocument {
  return unshared(
    flowDocumentSchema.parse({
      id,
      name,
      nodes: [
        { id: 'start', type: 'start', position: { x: 0, y: 0 }, data: {} },
        { id: 'end', type: 'end', position: { x: 0, y: 160 }, data: { status: 'resolved' } },
      ],
      edges: [{ id: 'start-next', source: 'start', sourcePort: 'next', target: 'end' }],
    }),
  );
}

/** A stored document (already parsed when written) typed again as a flow. */
export function storedFlow(document: Record<string, unknown>): FlowDocument {
  return unshared(flowDocumentSchema.parse(document));
}

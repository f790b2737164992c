import { z } from 'zod';
import { flowDocumentSchema } from './flow-document.ts';

/** JSON Schema of the flow document as authors write it, for editors and external tools. */
export function flowJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(flowDocumentSchema, { io: 'input', target: 'draft-2020-12' });
}

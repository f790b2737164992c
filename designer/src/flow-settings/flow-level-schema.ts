import { flowDocumentSchema } from '@parley/shared';

/**
 * What the flow-level panel edits: the parts of the flow document that belong to no node, with the same
 * schema the server validates drafts with, so no rule differs.
 */
export const flowLevelSchema = flowDocumentSchema.pick({
  languages: true,
  variables: true,
  intents: true,
  entities: true,
  settings: true,
});

import { z } from 'zod';

/** Big enough for the largest flows an editor draws; a bound so one request cannot tie up the server. */
const MAX_LAYOUT_NODES = 5_000;
const MAX_LAYOUT_EDGES = 20_000;

const layoutId = z.string().min(1).max(200);
const size = z.number().positive().max(10_000);

/**
 * A flow as auto-layout sees it: cards with their sizes, an input on the left when they take one, named
 * outputs on the right in the order the card lists them, and the edges between them.
 */
export const layoutGraphSchema = z.object({
  nodes: z
    .array(
      z.object({
        id: layoutId,
        width: size,
        height: size,
        input: z.boolean(),
        outputs: z.array(layoutId).max(100),
      }),
    )
    .max(MAX_LAYOUT_NODES, `a layout takes at most ${MAX_LAYOUT_NODES} nodes`),
  edges: z
    .array(z.object({ source: layoutId, port: layoutId, target: layoutId }))
    .max(MAX_LAYOUT_EDGES, `a layout takes at most ${MAX_LAYOUT_EDGES} edges`),
});

export type LayoutGraph = z.infer<typeof layoutGraphSchema>;

/** Where each card's top-left corner goes. */
export type LayoutPositions = { id: string; x: number; y: number }[];

import { type NodeCategory, type NodeKind, nodeDefinitions, nodeKinds } from '@parley/nodes';

export const CATEGORY_ORDER: readonly NodeCategory[] = ['flow', 'messaging', 'input', 'logic', 'integration'];

export type PaletteGroup = { category: NodeCategory; kinds: NodeKind[] };

/** Kinds grouped by category in a fixed order, so the palette does not reshuffle as kinds are added. */
export function paletteGroups(): PaletteGroup[] {
  return CATEGORY_ORDER.map((category) => ({
    category,
    kinds: nodeKinds.filter((kind) => nodeDefinitions[kind].meta.category === category),
  })).filter((group) => group.kinds.length > 0);
}

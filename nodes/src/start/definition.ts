import { z } from 'zod';
import { defineNode } from '../core/define-node.ts';

export const startConfigSchema = z.object({});

export const startNode = defineNode({
  kind: 'start',
  version: 1,
  configSchema: startConfigSchema,
  defaults: {},
  ports: () => [{ name: 'next', label: 'Next', required: true }],
  waitsForInput: false,
  expressions: () => [],
  writes: () => [],
  meta: {
    label: 'Start',
    icon: 'play',
    category: 'flow',
    description: 'Where every conversation begins. A flow has exactly one.',
  },
});

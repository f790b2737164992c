import type { FlowDocument, FlowNode } from '@parley/shared';

/** A small, valid flow used across the canvas tests: start -> ask -> choice -> end. */
export function testFlow(overrides: Partial<FlowDocument> = {}): FlowDocument {
  const nodes: FlowNode[] = [
    { id: 'start', type: 'start', position: { x: 0, y: 0 }, data: {} },
    {
      id: 'ask-1',
      type: 'ask',
      position: { x: 300, y: 0 },
      data: { prompt: 'Your name?', variable: 'name' },
    },
    {
      id: 'choice-1',
      type: 'choice',
      position: { x: 600, y: 0 },
      data: {
        prompt: { en: 'Pizza or pasta?', de: 'Pizza oder Pasta?' },
        choices: [
          { value: 'pizza', label: { en: 'Pizza', de: 'Pizza' } },
          { value: 'pasta', label: 'Pasta' },
        ],
      },
    },
    { id: 'end', type: 'end', position: { x: 900, y: 0 }, data: { status: 'resolved' } },
  ];
  return {
    schemaVersion: 1,
    id: 'flow-1',
    name: 'Test',
    languages: ['en'],
    nodes,
    edges: [
      { id: 'e-start-next', source: 'start', sourcePort: 'next', target: 'ask-1' },
      { id: 'e-ask-1-next', source: 'ask-1', sourcePort: 'next', target: 'choice-1' },
      { id: 'e-choice-1-pizza', source: 'choice-1', sourcePort: 'pizza', target: 'end' },
    ],
    variables: [],
    intents: [],
    entities: [],
    settings: {
      http: { allowedPrivateHosts: [], defaultTimeoutMs: 10_000 },
      limits: { maxStepsPerTurn: 100, turnTimeoutMs: 15_000 },
      idleTimeoutMinutes: 30,
    },
    ...overrides,
  };
}

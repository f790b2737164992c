import {
  evaluateCondition,
  evaluateExpression,
  type FlowDocument,
  interpolate,
  type JsonValue,
} from '@parley/shared';

type BareState = { node: string; vars: Record<string, JsonValue> };

/** The config fields of the generated flow's node kinds, read directly from the document. */
type GeneratedData = {
  prompt: string;
  variable: string;
  assignments: { variable: string; expression: string }[];
  branches: { port: string; expression: string }[];
  messages: { text: string }[];
};

/**
 * The baseline: the generated flow's node kinds run by a direct loop over the document, with the same
 * expression evaluator and the same JSON round trip per turn, but no statechart. Engine time divided by
 * this is the cost of XState and the engine's bookkeeping.
 */
export function createBareInterpreter(flow: FlowDocument) {
  const nodes = new Map(flow.nodes.map((n) => [n.id, n]));
  const next = new Map(flow.edges.map((e) => [`${e.source}:${e.sourcePort}`, e.target]));
  const follow = (id: string, port: string) => next.get(`${id}:${port}`) ?? 'done';

  function run(state: BareState, said: string[]): BareState {
    for (;;) {
      const node = nodes.get(state.node);
      if (!node) return state;
      const data = node.data as GeneratedData;
      switch (node.type) {
        case 'start':
          state.node = follow(node.id, 'next');
          break;
        case 'ask':
          said.push(data.prompt);
          return state;
        case 'set-variable':
          for (const a of data.assignments) {
            state.vars[a.variable] = evaluateExpression(a.expression, state.vars);
          }
          state.node = follow(node.id, 'next');
          break;
        case 'condition': {
          const branch = data.branches.find((b) => evaluateCondition(b.expression, state.vars));
          state.node = follow(node.id, branch?.port ?? 'else');
          break;
        }
        case 'message':
          for (const m of data.messages) said.push(interpolate(m.text, state.vars));
          state.node = follow(node.id, 'next');
          break;
        default:
          return state;
      }
    }
  }

  return {
    start(): string {
      const vars = Object.fromEntries(flow.variables.map((v) => [v.name, (v.initial ?? null) as JsonValue]));
      return JSON.stringify(run({ node: 'start', vars }, []));
    },
    /** One user answer: restore from JSON, store the answer, run to the next question, persist. */
    turn(snapshot: string, text: string): { snapshot: string; said: string[]; ended: boolean } {
      const state = JSON.parse(snapshot) as BareState;
      const node = nodes.get(state.node);
      const said: string[] = [];
      if (node?.type === 'ask') {
        state.vars[(node.data as GeneratedData).variable] = text;
        state.node = follow(node.id, 'next');
      }
      const after = run(state, said);
      return { snapshot: JSON.stringify(after), said, ended: nodes.get(after.node)?.type === 'end' };
    },
  };
}

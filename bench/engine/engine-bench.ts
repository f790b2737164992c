import { compileFlow, validateFlow } from '@parley/nodes';
import { type Conversation, loadVersion, startConversation, turn } from '@parley/runtime';
import { flowDocumentSchema } from '@parley/shared';
import { type Bench, medianMs, throughput, withBaseline } from '../bench-result.ts';
import { createBareInterpreter } from './bare-interpreter.ts';
import { generateFlow } from './generate-flow.ts';

const NODES = 1_000;

export const engineBench: Bench = {
  name: 'engine',
  description: `validate, compile and run turns of a generated ${NODES}-node flow`,
  async run() {
    const input = generateFlow(NODES);
    const distinct = generateFlow(NODES, { distinctExpressions: true });
    const flow = flowDocumentSchema.parse(input);
    for (const generated of [input, distinct]) {
      const problems = validateFlow(generated).filter((d) => d.severity === 'error');
      if (problems.length > 0) throw new Error(`generated flow is invalid: ${problems[0]?.message}`);
    }

    const validateMs = await medianMs(20, () => validateFlow(input));
    const validateDistinctMs = await medianMs(20, () => validateFlow(distinct));
    const compileMs = await medianMs(20, () => compileFlow(input));
    const loadMs = await medianMs(10, () => loadVersion({ flow: input }));

    const version = loadVersion({ flow: input });
    let conversation: Conversation = (await startConversation(version, { channel: 'web' })).conversation;
    const engineTurns = await throughput(3_000, async () => {
      const result = await turn(conversation, { type: 'user.message', text: 'hello there' });
      conversation =
        result.conversation.status === 'ended'
          ? (await startConversation(version, { channel: 'web' })).conversation
          : result.conversation;
    });

    const bare = createBareInterpreter(flow);
    let snapshot = bare.start();
    const bareTurns = await throughput(3_000, () => {
      const result = bare.turn(snapshot, 'hello there');
      snapshot = result.ended ? bare.start() : result.snapshot;
    });

    return [
      { bench: 'engine', metric: 'validate', value: validateMs, unit: 'ms' },
      { bench: 'engine', metric: 'validate, distinct expressions', value: validateDistinctMs, unit: 'ms' },
      { bench: 'engine', metric: 'compile', value: compileMs, unit: 'ms' },
      { bench: 'engine', metric: 'load machine', value: loadMs, unit: 'ms' },
      withBaseline({
        bench: 'engine',
        metric: 'turns with snapshot round trip',
        value: engineTurns,
        unit: 'turns/s',
        baseline: bareTurns,
      }),
    ];
  },
};

import type { FlowDocument, JsonValue } from '@parley/shared';
import { Command, InvalidArgumentError } from 'commander';
import { requireValidFlow } from './check-flow-file.ts';
import { CliError, type CliIo, EXIT_PROBLEM, runAction, writeLine } from './cli-io.ts';
import { startExampleApi } from './example-api.ts';

type ChatFlags = {
  lang?: string;
  channel: string;
  var: string[];
  withExampleApi?: boolean;
  exampleApiPort: string;
};

/** The example flow reads its order API's address from this variable. */
const EXAMPLE_API_VARIABLE = 'orderApiUrl';

/** `--var name=value`: the value is JSON when it parses as JSON (42, true, {"a":1}), else plain text. */
function parseVariable(assignment: string, previous: string[]): string[] {
  if (!/^[A-Za-z_][A-Za-z0-9_]*=/.test(assignment)) {
    throw new InvalidArgumentError(`expected name=value, got "${assignment}"`);
  }
  return [...previous, assignment];
}

function initialValue(raw: string): JsonValue {
  try {
    return JSON.parse(raw) as JsonValue;
  } catch {
    return raw;
  }
}

/** The flow with the variables' initial values replaced, refusing names the flow does not declare. */
function withInitialValues(flow: FlowDocument, assignments: Record<string, JsonValue>): FlowDocument {
  const declared = new Set(flow.variables.map((v) => v.name));
  const unknown = Object.keys(assignments).filter((name) => !declared.has(name));
  if (unknown.length > 0) {
    throw new CliError(
      `the flow declares no variable ${unknown.map((n) => `"${n}"`).join(', ')}`,
      EXIT_PROBLEM,
    );
  }
  return {
    ...flow,
    variables: flow.variables.map((v) =>
      v.name in assignments ? { ...v, initial: assignments[v.name] } : v,
    ),
  };
}

export function chatCommand(io: CliIo): Command {
  return new Command('chat')
    .description('chat with a flow on the terminal; reads one user line per turn from stdin')
    .argument('<file>', 'flow JSON file')
    .option('--lang <code>', "conversation language, e.g. en or zh (default: the flow's first language)")
    .option('--channel <name>', 'channel the conversation pretends to come from', 'web')
    .option(
      '--var <name=value>',
      "set a variable's initial value (repeatable; JSON or text)",
      parseVariable,
      [],
    )
    .option(
      '--with-example-api',
      'run the example fake order API during the chat and point orderApiUrl at it',
    )
    .option('--example-api-port <port>', 'port of the example order API (0 picks a free one)', '4801')
    .addHelpText(
      'after',
      [
        '',
        'Lines: /choice <value> clicks a button, /dtmf <digits> presses keys, /noinput fires the no-input',
        'timer, /hangup hangs up; any other line is a typed message. Piped input works, one line per turn.',
        'Exit codes: 0 conversation or input ended, 1 flow invalid or engine error, 2 file unreadable.',
      ].join('\n'),
    )
    .action((file: string, flags: ChatFlags) =>
      runAction(io, async () => {
        const flow = await requireValidFlow(file, io);
        if (flags.lang && !flow.languages.includes(flags.lang.split('-')[0] ?? flags.lang)) {
          writeLine(
            io.stderr,
            `warning: the flow has no "${flags.lang}" texts (it has ${flow.languages.join(', ')}); ` +
              `texts fall back to ${flow.languages[0]}`,
          );
        }
        // The engine loads every node runtime (dates, phone numbers, HTTP): only chat pays for it.
        const [{ loadVersion }, { runChatSession }] = await Promise.all([
          import('../engine/index.ts'),
          import('./chat-session.ts'),
        ]);
        const api = flags.withExampleApi ? await startExampleApi(Number(flags.exampleApiPort)) : undefined;
        const variables: Record<string, JsonValue> = Object.fromEntries(
          flags.var.map((assignment) => {
            const at = assignment.indexOf('=');
            return [assignment.slice(0, at), initialValue(assignment.slice(at + 1))];
          }),
        );
        if (api && flow.variables.some((v) => v.name === EXAMPLE_API_VARIABLE)) {
          variables[EXAMPLE_API_VARIABLE] = api.url;
        }
        try {
          return await runChatSession({
            version: loadVersion({ flow: withInitialValues(flow, variables) }),
            channel: flags.channel,
            ...(flags.lang ? { locale: flags.lang } : {}),
            input: io.stdin,
            output: io.stdout,
            errors: io.stderr,
            echo: !io.stdinIsTTY,
            ...(io.stdinIsTTY ? { terminal: process.stdout } : {}),
          });
        } finally {
          await api?.close();
        }
      }),
    );
}

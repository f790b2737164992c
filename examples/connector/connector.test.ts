import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../runtime/src/client/testing/test-server.ts';
import { runScript, type ScriptRun } from '../../runtime/src/testing/run-script.ts';

/** Runs the connector as a user would, with its settings in the environment and `stdin` piped in. */
function connector(env: Record<string, string>, stdin: string): Promise<ScriptRun> {
  return runScript('examples/connector/connector.ts', [], { env, stdin });
}

let server: TestServer;
const settings = () => ({
  PARLEY_URL: server.url,
  PARLEY_TOKEN: server.apiKey,
  PARLEY_FLOW: server.flows['Password reset'] ?? '',
  PARLEY_ENV: 'development',
});
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe('the example connector', { timeout: 60_000 }, () => {
  it('relays each line to the flow and prints the replies, starting over after the end', async () => {
    const run = await connector(settings(), 'hello\nsomething else\nhi again\n');
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(
      [
        'bot: Hi! What can I help you with?',
        '  - Reset my password',
        '  - Something else',
        "bot: I can only help with passwords for now. I'll pass you to a colleague.",
        '-- conversation ended: escalated',
        'bot: Hi! What can I help you with?',
        '  - Reset my password',
        '  - Something else',
        '',
      ].join('\n'),
    );
    expect(run.code).toBe(0);
  });

  it('talks to development when PARLEY_ENV is not set', async () => {
    const run = await connector({ ...settings(), PARLEY_ENV: '' }, 'hello\n');
    expect(run.stdout).toContain('bot: Hi! What can I help you with?');
    expect(run.code).toBe(0);
  });

  it('prints the server error for a send it refuses, goes on, and exits 1', async () => {
    const run = await connector({ ...settings(), PARLEY_ENV: 'staging' }, 'hello\nstill there?\n');
    expect(run.stdout).toBe('');
    const refused = /^error: this API key may not use flow \S+ in the staging environment/;
    expect(run.stderr.split('\n')).toEqual([
      expect.stringMatching(refused),
      expect.stringMatching(refused),
      '',
    ]);
    expect(run.code).toBe(1);
  });

  it('names a missing setting and exits 2', async () => {
    const run = await connector({ ...settings(), PARLEY_TOKEN: '' }, 'hello\n');
    expect(run.stderr).toBe('error: set PARLEY_TOKEN (see examples/connector/README.md)\n');
    expect(run.code).toBe(2);
  });
});

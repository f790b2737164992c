import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScript, type ScriptRun } from '../testing/run-script.ts';

/** Runs the real CLI in a child process, as `pnpm parley ...` does, with `stdin` piped in. */
function parley(args: string[], stdin = ''): Promise<ScriptRun> {
  return runScript('runtime/src/cli/main.ts', args, { stdin });
}

const ORDER_FLOW = 'examples/flows/order-status.flow.json';
const PASSWORD_FLOW = 'examples/flows/password-reset.flow.json';
const BROKEN_FLOW = 'runtime/src/cli/fixtures/broken.flow.json';

describe.concurrent('parley chat', { timeout: 60_000 }, () => {
  it('plays a piped conversation against the example order API, in order, and exits 0', async () => {
    const run = await parley(
      ['chat', ORDER_FLOW, '--with-example-api', '--example-api-port', '0'],
      'hello\nZZ-9999\n/choice retry\nAB-1001\n',
    );
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(
      [
        'bot: Hi! I can check the status of your order.',
        'bot: What is your order number? It looks like AB-1001.',
        'you: hello',
        "bot: That doesn't look like an order number: two letters and at least four digits, like AB-1001.",
        'you: ZZ-9999',
        "bot: Sorry, I couldn't find order ZZ-9999. Would you like to try another number?",
        '  [1] Try another number (retry)',
        '  [2] No, thanks (stop)',
        'you: /choice retry',
        'bot: What is your order number? It looks like AB-1001.',
        'you: AB-1001',
        'bot: Good news: order AB-1001 has shipped. You can track it here: https://tracking.example.com/AB-1001',
        'bot: Thanks for checking with us. Goodbye!',
        '-- conversation ended: resolved',
        '',
      ].join('\n'),
    );
    expect(run.code).toBe(0);
  });

  it('speaks the --lang language and stops reading once the conversation has ended', async () => {
    const run = await parley(['chat', PASSWORD_FLOW, '--lang', 'zh'], '其他问题\nstill typing\n');
    expect(run.stdout).toBe(
      [
        'bot: 您好！请问有什么可以帮您？',
        '  [1] 重置密码 (reset)',
        '  [2] 其他问题 (other)',
        'you: 其他问题',
        'bot: 我目前只能处理密码问题。我会为您转接同事。',
        '-- conversation ended: escalated',
        '',
      ].join('\n'),
    );
    expect(run.code).toBe(0);
  });

  it('exits 0 at the end of input while the conversation still waits', async () => {
    const run = await parley(['chat', PASSWORD_FLOW], '/dtmf x\n/choice reset\n');
    expect(run.stdout.split('\n').slice(-3)).toEqual([
      'you: /choice reset',
      'bot: Which email address is your account registered with?',
      '',
    ]);
    expect(run.stderr).toMatch(/\/dtmf needs keypad digits/);
    expect(run.code).toBe(0);
  });

  it('starts with the --var initial values and refuses variables the flow does not declare', async () => {
    const run = await parley(
      ['chat', PASSWORD_FLOW, '--var', 'email="ada@example.com"', '--var', 'nope=1'],
      '/choice reset\n',
    );
    expect(run.stderr).toContain('error: the flow declares no variable "nope"');
    expect(run.code).toBe(1);
  });

  it('refuses to chat with a flow that has validation errors', async () => {
    const run = await parley(['chat', BROKEN_FLOW], 'hi\n');
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^error .* node=hello: /m);
    expect(run.code).toBe(1);
  });
});

describe('parley schema', { timeout: 60_000 }, () => {
  it('prints the flow document JSON Schema', async () => {
    const run = await parley(['schema']);
    const schema = JSON.parse(run.stdout) as { $schema: string; properties: Record<string, unknown> };
    expect(schema.$schema).toContain('json-schema.org');
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['nodes', 'edges', 'variables']));
    expect(run.code).toBe(0);
  });
});

describe.concurrent('parley validate', { timeout: 60_000 }, () => {
  it('exits 0 for the examples', async () => {
    for (const file of [ORDER_FLOW, PASSWORD_FLOW]) {
      const run = await parley(['validate', file]);
      expect(run.stdout.split('\n').filter((line) => line.startsWith('error'))).toEqual([]);
      expect(run.code).toBe(0);
    }
  });

  it('prints one diagnostic a line and exits 1 for a broken flow', async () => {
    const run = await parley(['validate', BROKEN_FLOW]);
    const lines = run.stdout.trim().split('\n');
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toMatch(/^(error|warning) [a-z-]+( node=\S+)?( edge=\S+)?: \S/);
    expect(lines.some((line) => line.startsWith('error ') && line.includes('node=hello'))).toBe(true);
    expect(run.code).toBe(1);
  });

  it('exits 2 with a clear message for a missing file or a file that is not JSON', async () => {
    const missing = await parley(['validate', 'no/such.flow.json']);
    expect(missing.stderr).toContain('error: cannot read "no/such.flow.json": the file does not exist');
    expect(missing.code).toBe(2);
    // Written at test time: a broken JSON file in the repository would break the linter.
    const notJsonFile = join(await mkdtemp(join(tmpdir(), 'parley-cli-')), 'not-json.flow.json');
    await writeFile(notJsonFile, '{ "id": "oops", ');
    const notJson = await parley(['validate', notJsonFile]);
    expect(notJson.stderr).toContain(`error: "${notJsonFile}" is not valid JSON: `);
    expect(notJson.code).toBe(2);
  });
});

describe.concurrent('parley compile', { timeout: 60_000 }, () => {
  it('prints the machine config as pretty JSON with one state per node', async () => {
    const run = await parley(['compile', PASSWORD_FLOW]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('\n  "states": {');
    const machine = JSON.parse(run.stdout) as { states: Record<string, unknown> };
    expect(Object.keys(machine.states)).toEqual(expect.arrayContaining(['menu', 'askEmail', 'checkCode']));
  });

  it('refuses a flow with validation errors: diagnostics on stderr, nothing on stdout', async () => {
    const run = await parley(['compile', BROKEN_FLOW]);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^error .* node=hello: /m);
    expect(run.code).toBe(1);
  });
});

describe.concurrent('parley --help', { timeout: 60_000 }, () => {
  it('describes every command', async () => {
    const run = await parley(['--help']);
    expect(run.stdout).toMatch(/validate .*<file>/);
    expect(run.stdout).toMatch(/compile .*<file>/);
    expect(run.stdout).toMatch(/chat .*<file>/);
    const chat = await parley(['chat', '--help']);
    expect(chat.stdout).toContain('--with-example-api');
    expect(chat.stdout).toContain('/choice <value>');
    expect(chat.code).toBe(0);
  });
});

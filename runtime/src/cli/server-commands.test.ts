import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { createServer as createTcpServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, startTestServer, type TestServer } from '../client/testing/test-server.ts';
import { repoRoot, runScript, type ScriptRun } from '../testing/run-script.ts';

/** Runs the real CLI in a child process with only the given PARLEY_* variables, `stdin` piped in. */
function parley(args: string[], env: Record<string, string> = {}, stdin = ''): Promise<ScriptRun> {
  return runScript('runtime/src/cli/main.ts', args, { env, stdin });
}

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const probe = createTcpServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** The password-reset example under another name, so it is a new flow on the server. */
async function flowFile(name: string, greeting = 'Hi! What can I help you with?'): Promise<string> {
  const flow = JSON.parse(await readFile(join(repoRoot, 'examples/flows/password-reset.flow.json'), 'utf8'));
  flow.name = name;
  flow.nodes[1].data.prompt.en = greeting;
  const file = join(await mkdtemp(join(tmpdir(), 'parley-publish-')), 'flow.json');
  await writeFile(file, JSON.stringify(flow));
  return file;
}

const DATE = '\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC';

let server: TestServer;
let admin: Record<string, string>;
beforeAll(async () => {
  server = await startTestServer();
  admin = { PARLEY_URL: server.url, PARLEY_TOKEN: server.adminToken };
});
afterAll(() => server.close());

describe('parley publish, versions, rollback, deployments', { timeout: 120_000 }, () => {
  it('imports a new file, updates it by name, deploys, lists and rolls back', async () => {
    const file = await flowFile('Password reset (CLI)');
    const first = await parley(['publish', file, '--env', 'staging', '--notes', 'first cut'], admin);
    expect(first.stderr).toBe('');
    const flowId = /^imported .* as flow (\S+) \("Password reset \(CLI\)"\)$/m.exec(first.stdout)?.[1] ?? '';
    expect(first.stdout.split('\n')).toEqual([
      `imported ${file} as flow ${flowId} ("Password reset (CLI)")`,
      `published version 1 of flow ${flowId}`,
      'deployed version 1 to staging',
      '',
    ]);
    expect(first.code).toBe(0);

    await writeFile(file, await readFile(await flowFile('Password reset (CLI)', 'Hello there!'), 'utf8'));
    const second = await parley(
      ['publish', file, '--env', 'staging', '--notes', 'friendlier\ngreeting'],
      admin,
    );
    expect(second.stdout.split('\n')).toEqual([
      `updated the draft of flow ${flowId} ("Password reset (CLI)") to revision 2`,
      `published version 2 of flow ${flowId}`,
      'deployed version 2 to staging',
      '',
    ]);
    expect(second.code).toBe(0);
    expect((await server.services.flows.get(flowId)).draft.nodes[1]).toMatchObject({
      data: { prompt: { en: 'Hello there!' } },
    });

    const versions = await parley(['versions', flowId], admin);
    expect(versions.stdout).toMatch(
      new RegExp(
        [
          '^VERSION  AUTHOR        PUBLISHED             NOTES                LIVE',
          `2        Ada Lovelace  ${DATE}  friendlier greeting  staging`,
          `1        Ada Lovelace  ${DATE}  first cut`,
          '$',
        ].join('\n'),
      ),
    );
    expect(versions.code).toBe(0);

    const back = await parley(['rollback', flowId, '--env', 'staging'], admin);
    expect(back.stdout).toBe('rolled back staging: version 1 is live (was 2)\n');
    expect(back.code).toBe(0);
    const forward = await parley(['rollback', flowId, '--env', 'staging', '--to', '2'], admin);
    expect(forward.stdout).toBe('rolled back staging: version 2 is live (was 1)\n');

    const history = await parley(['deployments', flowId], admin);
    expect(history.stdout).toMatch(
      new RegExp(
        [
          '^WHEN                  ENVIRONMENT  ACTION    FROM  TO  SPLIT  BY',
          `${DATE}  staging      rollback  1     2          Ada Lovelace`,
          `${DATE}  staging      rollback  2     1          Ada Lovelace`,
          `${DATE}  staging      deploy    1     2          Ada Lovelace`,
          `${DATE}  staging      deploy    -     1          Ada Lovelace`,
          '$',
        ].join('\n'),
      ),
    );
    const production = await parley(['deployments', flowId, '--env', 'production'], admin);
    expect(production.stdout).toBe(`flow ${flowId} was never deployed to production\n`);
  });

  it('publishes the current draft of a flow given by id, passing on the server warnings', async () => {
    const flowId = server.flows['Order status'] ?? '';
    const run = await parley(['publish', flowId, '--env', 'production'], admin);
    expect(run.stdout).toBe(`published version 2 of flow ${flowId}\ndeployed version 2 to production\n`);
    expect(run.stderr).toContain('warning unchanged-version: the draft is the same as version 1');
    expect(run.code).toBe(0);
    const versions = await parley(['versions', flowId], admin);
    expect(versions.stdout).toMatch(/^2 .* production\n1 .* development\n$/m);
  });

  it('refuses a file with validation errors before sending anything', async () => {
    const before = (await server.services.flows.list()).length;
    const run = await parley(
      ['publish', 'runtime/src/cli/fixtures/broken.flow.json', '--env', 'staging'],
      admin,
    );
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^error .* node=hello: /m);
    expect(run.stderr).toContain('has validation errors; nothing was sent to the server');
    expect(run.code).toBe(1);
    expect(await server.services.flows.list()).toHaveLength(before);
  });

  it("prints the server's refusal as one error line and exits 1", async () => {
    const flowId = server.flows['Password reset'] ?? '';
    const first = await parley(['rollback', flowId, '--env', 'development'], admin);
    expect(first.stderr).toBe(
      'error: there is no earlier deployment to roll back to in development: the version live there was the ' +
        'first deployed; deploy another version, or name the version to roll back to\n',
    );
    expect(first.code).toBe(1);
    const missing = await parley(['versions', 'no-such-flow'], admin);
    expect(missing.stderr).toMatch(/^error: .*no-such-flow/);
    expect(missing.code).toBe(1);
    const connector = await parley(['publish', flowId, '--env', 'development'], {
      ...admin,
      PARLEY_TOKEN: server.apiKey,
    });
    expect(connector.stderr).toMatch(/^error: \S.*\n$/);
    expect(connector.code).toBe(1);
  });

  it('refuses a bad --to before calling the server', async () => {
    const run = await parley(['rollback', 'any', '--env', 'staging', '--to', 'two'], admin);
    expect(run.stderr).toContain('a version number is a whole number from 1');
    expect(run.code).toBe(1);
  });
});

describe.concurrent('parley login', { timeout: 120_000 }, () => {
  it('prints only the session token on stdout, so $(parley login ...) captures it', async () => {
    const run = await parley(['login', server.url, '--email', ADMIN.email], {}, `${ADMIN.password}\n`);
    expect(run.stderr).toMatch(new RegExp(`^signed in as Ada Lovelace \\(admin\\) until ${DATE}\\n$`));
    expect(run.stdout).toMatch(/^\S+\n$/);
    expect(run.code).toBe(0);
    const token = run.stdout.trim();
    const versions = await parley(['versions', server.flows['Password reset'] ?? ''], {
      PARLEY_URL: server.url,
      PARLEY_TOKEN: token,
    });
    expect(versions.stdout).toMatch(/^VERSION /);
  });

  it('refuses a wrong password with the server message, and no password at all', async () => {
    const wrong = await parley(['login', server.url, '--email', ADMIN.email], {}, 'not the password\n');
    expect(wrong.stdout).toBe('');
    expect(wrong.stderr).toMatch(/^error: \S/);
    expect(wrong.code).toBe(1);
    const none = await parley(['login', server.url, '--email', ADMIN.email], {}, '');
    expect(none.stderr).toBe('error: no password on stdin\n');
    expect(none.code).toBe(2);
  });
});

describe.concurrent('server commands without a server', { timeout: 120_000 }, () => {
  it('name the missing variable', async () => {
    const noUrl = await parley(['versions', 'flow_1'], { PARLEY_TOKEN: 'x' });
    expect(noUrl.stderr).toMatch(/^error: PARLEY_URL is not set: /);
    expect(noUrl.code).toBe(2);
    const noToken = await parley(['deployments', 'flow_1'], { PARLEY_URL: server.url });
    expect(noToken.stderr).toMatch(/^error: PARLEY_TOKEN is not set: /);
    expect(noToken.code).toBe(2);
    const notUrl = await parley(['versions', 'flow_1'], { PARLEY_URL: 'localhost:4800', PARLEY_TOKEN: 'x' });
    expect(notUrl.stderr).toMatch(/^error: PARLEY_URL: "localhost:4800" is not a URL/);
    expect(notUrl.code).toBe(2);
  });

  it('say an unknown or expired token must be renewed', async () => {
    const run = await parley(['versions', 'flow_1'], { PARLEY_URL: server.url, PARLEY_TOKEN: 'expired' });
    expect(run.stderr).toMatch(/^error: .*\(PARLEY_TOKEN is unknown, expired or revoked; .*parley login/);
    expect(run.code).toBe(1);
  });

  it('say the server cannot be reached, and exit 2', async () => {
    const url = `http://127.0.0.1:${await closedPort()}`;
    const run = await parley(['rollback', 'flow_1', '--env', 'staging'], {
      PARLEY_URL: url,
      PARLEY_TOKEN: 'x',
    });
    expect(run.stderr).toBe(
      `error: cannot reach the Parley server at ${url}: connection refused; is the server running?\n`,
    );
    expect(run.code).toBe(2);
    const login = await parley(['login', url, '--email', ADMIN.email], {}, 'secret\n');
    expect(login.stderr).toContain(`error: cannot reach the Parley server at ${url}`);
    expect(login.code).toBe(2);
  });

  it('say when the URL is not a Parley server, and exit 2', async () => {
    const other = createServer((_request, response) => response.writeHead(404).end('<h1>Not found</h1>'));
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    const address = other.address();
    const url = `http://127.0.0.1:${address && typeof address === 'object' ? address.port : 0}`;
    try {
      const run = await parley(['versions', 'flow_1'], { PARLEY_URL: url, PARLEY_TOKEN: 'x' });
      expect(run.stderr).toMatch(
        new RegExp(`^error: the server at ${url} did not answer like a Parley server`),
      );
      expect(run.code).toBe(2);
    } finally {
      other.close();
    }
  });

  it('are described by --help', async () => {
    const run = await parley(['--help']);
    for (const usage of [
      /login .*<url>/,
      /publish .*<file\|flowId>/,
      /rollback .*<flowId>/,
      /versions .*<flowId>/,
      /deployments .*<flowId>/,
    ])
      expect(run.stdout).toMatch(usage);
    const publish = await parley(['publish', '--help']);
    expect(publish.stdout).toContain('--env <environment>');
    expect(publish.stdout).toContain('imported as a new flow');
  });
});

import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { type DesignerTestServer, startDesignerTestServer, TEST_USERS } from '@parley/runtime/server/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, screenshot } from './browser.ts';
import { buildDesigner } from './build-designer.ts';
import { canvasActions } from './canvas-actions.ts';

/*
 * The designer as an operator and an admin use it: the production build served by the real server,
 * driven in Debian's Chromium. Each step checks what the page shows; screenshots go to
 * test-artifacts/designer/.
 */

let buildDir: string;
let server: DesignerTestServer;
let browser: Browser;
let page: Page;
/** Every path the browser asked the server for, in order. */
const requested: string[] = [];
/** Uncaught errors in the page: none may happen. */
const pageErrors: string[] = [];

beforeAll(async () => {
  buildDir = await buildDesigner();
  server = await startDesignerTestServer(buildDir);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.on('request', (request) => requested.push(new URL(request.url()).pathname));
  page.on('pageerror', (error) => pageErrors.push(error.message));
}, 120_000);

// A failed step leaves a picture of what the user would have seen.
afterEach(async ({ task }) => {
  if (task.result?.state === 'fail') await screenshot(page, `failed-${task.name.replace(/\W+/g, '-')}`);
  expect(pageErrors).toEqual([]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (buildDir) rmSync(buildDir, { recursive: true, force: true });
});

async function signIn(email: string, password: string) {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Declares the flow's first variable in the Flow panel, as an author fixing an undeclared name does. */
async function declareVariable(name: string) {
  await page.getByRole('tab', { name: 'Flow' }).click();
  const flowPanel = page.getByRole('region', { name: 'Flow' });
  await flowPanel.getByRole('button', { name: 'Add to Variables' }).click();
  await flowPanel.getByRole('group', { name: 'Variables 1' }).getByLabel('Name', { exact: true }).fill(name);
}

describe('the designer', { timeout: 60_000 }, () => {
  it('is built in chunks under 1 MB (Monaco workers aside), and its first page loads no Monaco', () => {
    const assets = join(buildDir, 'assets');
    const oversized = readdirSync(assets)
      .filter((name) => name.endsWith('.js') && !name.includes('.worker-'))
      .filter((name) => statSync(join(assets, name)).size > 1024 * 1024);
    expect(oversized).toEqual([]);
    const index = readFileSync(join(buildDir, 'index.html'), 'utf8');
    const firstLoad = [...index.matchAll(/(?:src|href)="\/assets\/([^"]+\.js)"/g)].map((m) => m[1] ?? '');
    const firstBytes = firstLoad.reduce((sum, name) => sum + statSync(join(assets, name)).size, 0);
    expect(firstLoad.some((name) => readFileSync(join(assets, name), 'utf8').includes('monaco-editor'))).toBe(
      false,
    );
    expect(firstBytes).toBeLessThan(1024 * 1024);
  });

  it('refuses a wrong password with the server’s message, then signs in', async () => {
    await page.goto(server.url);
    await expect.poll(() => page.getByRole('heading', { name: 'Sign in to Parley' }).isVisible()).toBe(true);
    await signIn(TEST_USERS.admin.email, 'not the password');
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('not correct');
    await screenshot(page, '01-sign-in-refused');

    await signIn(TEST_USERS.admin.email, TEST_USERS.admin.password);
    await expect.poll(() => page.getByRole('heading', { name: 'Flows' }).isVisible()).toBe(true);
    expect(await page.getByText(`Signed in as ${TEST_USERS.admin.name} (admin)`).isVisible()).toBe(true);
    await screenshot(page, '02-flows-empty');
  });

  it('creates a flow and opens it in the editor, which saves it as it is edited', async () => {
    await page.getByLabel('New flow name').fill('Password reset');
    await page.getByRole('button', { name: 'Create flow' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Password reset' }).isVisible()).toBe(true);
    await expect.poll(() => page.locator('.save-status').textContent()).toBe('Saved (revision 1)');
    expect(page.url()).toMatch(/#\/flows\/flow_/);
    await screenshot(page, '03-editor-new-flow');
  });

  it('builds the password-reset flow by dragging nodes and connecting ports', async () => {
    const canvas = canvasActions(page);
    await canvas.dropNode('ask', 640, 130);
    const ask = page.locator('[data-kind="ask"].pc-card');
    await expect.poll(() => ask.count()).toBe(1);
    expect(await ask.getAttribute('data-testid')).toBe('node-ask-1');

    // Start's only port is taken by the starter edge: the canvas refuses and says why.
    await canvas.connect('start', 'next', 'ask-1');
    await expect.poll(() => page.locator('.pc-hint').textContent()).toContain('already has a connection');
    await canvas.deleteEdge('start-next');
    await expect.poll(() => page.getByTestId('rf__edge-start-next').count()).toBe(0);
    await canvas.connect('start', 'next', 'ask-1');
    await expect.poll(() => page.getByTestId('rf__edge-e-start-next').count()).toBe(1);

    await canvas.dropNode('message', 640, 420);
    await expect.poll(() => canvas.card('message-1').count()).toBe(1);
    await canvas.connect('ask-1', 'next', 'message-1');
    await canvas.connect('message-1', 'next', 'end');
    await expect.poll(() => page.getByTestId('rf__edge-e-ask-1-next').count()).toBe(1);
    await expect.poll(() => page.getByTestId('rf__edge-e-message-1-next').count()).toBe(1);

    // Tidy up lays the flow out left to right on the server (ELK), as one edit.
    await page.getByRole('button', { name: 'Tidy up the layout (Shift+L)' }).click();
    const left = async (id: string) => (await canvas.card(id).boundingBox())?.x ?? Number.NaN;
    await expect.poll(async () => (await left('start')) < (await left('ask-1'))).toBe(true);
    await expect.poll(async () => (await left('ask-1')) < (await left('message-1'))).toBe(true);
    await expect.poll(async () => (await left('message-1')) < (await left('end'))).toBe(true);
    await screenshot(page, '05-flow-drawn');
  });

  it('fills the inspector, shows a problem on the canvas and clears it once fixed', async () => {
    const canvas = canvasActions(page);
    await canvas.select('ask-1');
    const inspector = page.getByRole('tabpanel').getByTestId('node-inspector');
    await inspector
      .getByLabel('Prompt (All languages)', { exact: true })
      .fill('What is the email address of your account?');
    await inspector.getByLabel('Variable', { exact: true }).fill('email');

    // `email` is not declared yet: the node is marked and the problem is listed.
    await expect.poll(() => canvas.card('ask-1').getAttribute('data-problem')).toBe('true');
    const problems = page.getByRole('region', { name: 'Problems' });
    await expect.poll(() => problems.textContent()).toContain('email');
    await screenshot(page, '06-problem-shown');

    // Choosing the problem selects its node and brings it to the middle of the canvas.
    await canvas.select('start');
    await problems.getByRole('button').filter({ hasText: 'email' }).first().click();
    await expect.poll(() => canvas.card('ask-1').getAttribute('data-selected')).toBe('true');
    const middle = async () => {
      const pane = await page.locator('.react-flow__pane').boundingBox();
      const card = await canvas.card('ask-1').boundingBox();
      if (!pane || !card) return Number.POSITIVE_INFINITY;
      return Math.hypot(
        card.x + card.width / 2 - (pane.x + pane.width / 2),
        card.y + card.height / 2 - (pane.y + pane.height / 2),
      );
    };
    await expect.poll(middle).toBeLessThan(40);

    await declareVariable('email');
    await expect.poll(() => canvas.card('ask-1').getAttribute('data-problem')).toBe(null);

    await canvas.select('message-1');
    await page
      .getByRole('tabpanel')
      .getByTestId('node-inspector')
      .getByLabel('Text (All languages)', { exact: true })
      .fill('We sent a reset link to {{email}}.');
    await expect.poll(() => canvas.card('message-1').textContent()).toContain('We sent a reset link');
    await expect
      .poll(() => page.locator('.save-status').textContent(), { timeout: 10_000 })
      .toMatch(/^Saved/);
    await screenshot(page, '07-inspector-filled');
  });

  it('chats with the draft in the simulator and highlights the node it waits at', async () => {
    const canvas = canvasActions(page);
    await page.getByRole('tab', { name: 'Simulator' }).click();
    const simulator = page.getByRole('tabpanel', { name: 'Simulator' });
    await simulator.getByRole('button', { name: 'Start' }).click();
    const transcript = page.getByTestId('simulator-transcript');
    await expect.poll(() => transcript.textContent()).toContain('What is the email address of your account?');
    await expect.poll(() => canvas.card('ask-1').getAttribute('data-active')).toBe('true');
    await screenshot(page, '08-simulator-waiting');

    await simulator.getByLabel('Message', { exact: true }).fill('ada@example.com');
    await simulator.getByRole('button', { name: 'Send' }).click();
    await expect.poll(() => transcript.textContent()).toContain('We sent a reset link to ada@example.com.');
    await expect.poll(() => transcript.textContent()).toContain('Conversation ended: resolved');
    expect(await page.locator('.simulator-vars').textContent()).toContain('ada@example.com');
    await screenshot(page, '09-simulator-ended');
  });

  it('shows the machine the draft compiles to, loading Monaco only then', async () => {
    const monacoWorkers = () => requested.filter((path) => /(editor|json)\.worker/.test(path));
    expect(monacoWorkers()).toEqual([]);
    await page.getByRole('tab', { name: 'Machine' }).click();
    const view = page.getByTestId('json-view');
    await expect
      .poll(() => view.locator('.view-lines').textContent(), { timeout: 15_000 })
      .toContain('"initial"');
    await expect.poll(() => monacoWorkers().length).toBeGreaterThan(0);
    await screenshot(page, '10-machine-view');
  });

  it('publishes v1 and deploys it to development after seeing what the deploy touches', async () => {
    await page.getByRole('tab', { name: 'Versions' }).click();
    await page.getByLabel('Release notes').fill('First password reset');
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Published v1' }).count()).toBe(1);

    const development = page.locator('tr[data-environment="development"]');
    await development.getByRole('button', { name: 'Deploy' }).click();
    const preview = page.getByRole('dialog', { name: 'Preview deploy' });
    await expect
      .poll(() => preview.textContent())
      .toContain('Deploying v1 to development: 0 live conversations');
    await preview.getByRole('button', { name: 'Deploy v1' }).click();
    await expect.poll(() => development.locator('.live-version').textContent()).toBe('v1');
    expect(await page.locator('.version-history').textContent()).toContain('First password reset');
  });

  it('publishes a changed flow as v2, shows the difference, deploys it and rolls back', async () => {
    const canvas = canvasActions(page);
    await canvas.select('message-1');
    await page.getByRole('tab', { name: 'Inspector' }).click();
    await page
      .getByRole('tabpanel')
      .getByTestId('node-inspector')
      .getByLabel('Text (All languages)', { exact: true })
      .fill('Check your inbox: a reset link is on its way to {{email}}.');
    await expect
      .poll(() => page.locator('.save-status').textContent(), { timeout: 10_000 })
      .toMatch(/^Saved/);

    await page.getByRole('tab', { name: 'Versions' }).click();
    await page.getByLabel('Release notes').fill('Friendlier confirmation');
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Published v2' }).count()).toBe(1);

    const compare = page.locator('.version-compare');
    await compare.getByLabel('From').selectOption('1');
    await compare.getByLabel('To').selectOption('2');
    await compare.getByRole('button', { name: 'Show differences' }).click();
    await expect.poll(() => compare.textContent()).toContain('0 added, 0 removed, 1 changed');
    expect(await compare.locator('.diff-changed').textContent()).toContain('message-1');
    // The canvas shows v2 read-only with the changed node marked, until the comparison is hidden.
    await expect.poll(() => canvas.card('message-1').getAttribute('data-diff')).toBe('changed');
    expect(await canvas.card('ask-1').getAttribute('data-diff')).toBe(null);
    expect(
      await page.getByRole('status').filter({ hasText: 'Showing the differences from v1 to v2' }).count(),
    ).toBe(1);
    await screenshot(page, '11-versions-diff');
    await page.locator('.diff-banner').getByRole('button', { name: 'Hide differences' }).click();
    await expect.poll(() => canvas.card('message-1').getAttribute('data-diff')).toBe(null);

    const development = page.locator('tr[data-environment="development"]');
    await development.getByRole('button', { name: 'Deploy' }).click();
    await page
      .getByRole('dialog', { name: 'Preview deploy' })
      .getByRole('button', { name: 'Deploy v2' })
      .click();
    await expect.poll(() => development.locator('.live-version').textContent()).toBe('v2');
    await development.getByRole('button', { name: 'Roll back' }).click();
    await expect.poll(() => development.locator('.live-version').textContent()).toBe('v1');
    expect(await page.locator('.deployment-history').textContent()).toContain('rolled back v2 → v1');
    await screenshot(page, '12-rolled-back');
  });

  it('shows the editor in Chinese', async () => {
    await page.getByRole('combobox', { name: 'Language', exact: true }).selectOption('zh');
    await expect.poll(() => page.getByRole('tab', { name: '模拟器' }).isVisible()).toBe(true);
    expect(await page.locator('.pc-palette__item[data-kind="message"]').textContent()).toBe('消息');
    expect(await canvasActions(page).card('ask-1').textContent()).toContain('提问');
    await screenshot(page, '13-editor-zh');
    await page.getByRole('combobox', { name: '语言', exact: true }).selectOption('en');
    await expect.poll(() => page.getByRole('tab', { name: 'Simulator' }).isVisible()).toBe(true);
  });

  it('lists the flow and keeps the session across a reload', async () => {
    await page.goto(`${server.url}/#/`);
    await page.reload();
    const row = page.locator('tr', { hasText: 'Password reset' });
    await expect.poll(() => row.isVisible()).toBe(true);
    // Latest version v2; development runs v1 again after the rollback.
    expect(await row.locator('td').nth(1).textContent()).toBe('v2');
    expect(await row.locator('td').nth(2).textContent()).toBe('development v1');
  });

  it('duplicates, exports, imports and deletes flows from the list', async () => {
    const rowOf = (name: string) =>
      page.locator('tr').filter({ has: page.getByRole('link', { name, exact: true }) });
    const original = rowOf('Password reset');
    await original.getByRole('button', { name: 'Duplicate' }).click();
    const copy = rowOf('Copy of Password reset');
    await expect.poll(() => copy.count()).toBe(1);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      original.getByRole('button', { name: 'Export' }).click(),
    ]);
    const exported = await download.path();
    const document = JSON.parse(readFileSync(exported, 'utf8')) as { name: string; nodes: unknown[] };
    expect(document).toMatchObject({ name: 'Password reset', nodes: { length: 4 } });

    await page.locator('.import-button input[type=file]').setInputFiles(exported);
    await expect.poll(() => page.url()).toMatch(/#\/flows\/flow_/);
    await expect.poll(() => page.getByTestId('node-ask-1').isVisible()).toBe(true);
    await page.getByRole('link', { name: /All flows/ }).click();
    await expect.poll(() => rowOf('Password reset').count()).toBe(2);

    page.once('dialog', (dialog) => void dialog.accept());
    await copy.getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => copy.count()).toBe(0);
    await screenshot(page, '15-flows-list');
  });

  it('edits an expression in Monaco, with its unknown names underlined until they are declared', async () => {
    await page.getByLabel('New flow name').fill('Expressions');
    await page.getByRole('button', { name: 'Create flow' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Expressions' }).isVisible()).toBe(true);
    const canvas = canvasActions(page);
    await canvas.dropNode('set-variable', 640, 200);
    await expect.poll(() => canvas.card('set-variable-1').count()).toBe(1);
    await canvas.select('set-variable-1');
    await page.getByRole('tab', { name: 'Inspector' }).click();
    const inspector = page.getByRole('tabpanel').getByTestId('node-inspector');
    const editor = inspector.locator('.monaco-editor').first();
    await expect.poll(() => editor.count(), { timeout: 15_000 }).toBe(1);
    await editor.click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('basket + 1');
    await expect
      .poll(() => editor.locator('.squiggly-error').count(), { timeout: 10_000 })
      .toBeGreaterThan(0);
    await screenshot(page, '14-expression-error');

    await declareVariable('basket');
    await page.getByRole('tab', { name: 'Inspector' }).click();
    await expect.poll(() => editor.locator('.squiggly-error').count(), { timeout: 10_000 }).toBe(0);

    // Renaming edits the draft, saved like any edit; the list shows the new name.
    await page.getByRole('button', { name: 'Rename' }).click();
    await page.getByLabel('Flow name').fill('Expression checks');
    await page.getByRole('button', { name: 'Save name' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Expression checks' }).isVisible()).toBe(true);
    await expect
      .poll(() => page.locator('.save-status').textContent(), { timeout: 10_000 })
      .toMatch(/^Saved/);
    await page.getByRole('link', { name: /All flows/ }).click();
    await expect
      .poll(() => page.getByRole('link', { name: 'Expression checks', exact: true }).count())
      .toBe(1);
  });

  it('switches the whole UI to Chinese and back', async () => {
    await page.getByRole('combobox', { name: 'Language', exact: true }).selectOption('zh');
    await expect.poll(() => page.getByRole('heading', { name: '流程' }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: '退出登录' }).isVisible()).toBe(true);
    await screenshot(page, '04-flows-zh');
    await page.getByRole('combobox', { name: '语言', exact: true }).selectOption('en');
    await expect.poll(() => page.getByRole('heading', { name: 'Flows' }).isVisible()).toBe(true);
  });
});

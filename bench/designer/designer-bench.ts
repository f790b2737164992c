import { rmSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { buildDesigner, launchChromium } from '@parley/designer/testing';
import { type DesignerTestServer, startDesignerTestServer, TEST_USERS } from '@parley/runtime/server/testing';
import type { FlowDocumentInput } from '@parley/shared';
import type { Browser, Page } from 'playwright-core';
import { type Bench, type BenchResult, withBaseline } from '../bench-result.ts';
import { canvasFlow, emptyFlow, kindCounts } from './canvas-flows.ts';
import {
  type Gesture,
  interactiveProbe,
  nodeDragGesture,
  nodeTransform,
  panGesture,
  startFrames,
  stopFrames,
  viewportTransform,
} from './page-probes.ts';

const NODES = 2_000;
const VIEWPORT = { width: 1440, height: 900 };
/** Page loads per flow; time to interactive is their median, frame times are pooled over their gestures. */
const ROUNDS = 3;
/** Mouse moves per gesture, one every `STEP_MS` (a 60 Hz mouse): a gesture lasts about a second. */
const STEPS = 60;
const STEP_MS = 16;
const PAN = { x: 300, y: 150 };
const DRAG = { x: 250, y: 120 };
/** After the canvas is interactive, let the first autosave-free idle moments pass before gesturing. */
const SETTLE_MS = 500;
const TARGETS = { interactiveMs: 1_500, frameP95Ms: 16 };

type PageFigures = { interactiveMs: number; pan: number[]; drag: number[] };
type OpenedFlow = { id: string };

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))] ?? Number.NaN;

/**
 * Presses at `from`, moves to `to` in `STEPS` paced moves and releases, while an rAF loop in the page
 * stamps frames; answers the frame deltas from just before the press to two frames after the release.
 */
async function gestureFrames(page: Page, { from, to }: Gesture): Promise<number[]> {
  await page.mouse.move(from.x, from.y);
  await page.evaluate(startFrames);
  await page.mouse.down();
  const start = performance.now();
  for (let i = 1; i <= STEPS; i++) {
    const f = i / STEPS;
    await page.mouse.move(from.x + (to.x - from.x) * f, from.y + (to.y - from.y) * f);
    const wait = start + i * STEP_MS - performance.now();
    if (wait > 0) await sleep(wait);
  }
  await page.mouse.up();
  return (await page.evaluate(stopFrames)) as number[];
}

/** Fails when a gesture left `probe` (a transform) as it was: then it measured nothing. */
async function expectMoved(page: Page, probe: string, before: string, what: string) {
  if ((await page.evaluate(probe)) === before) throw new Error(`${what} did not move anything`);
}

/** One fresh page: opens the flow signed in, waits until it is interactive, pans the pane, drags a node. */
async function measurePage(
  browser: Browser,
  url: string,
  token: string,
  flow: OpenedFlow,
): Promise<PageFigures> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.addInitScript({ content: interactiveProbe(token) });
    await page.goto(new URL(`/#/flows/${encodeURIComponent(flow.id)}`, url).href, { waitUntil: 'commit' });
    await page.waitForFunction('window.__parleyInteractive !== undefined', undefined, { timeout: 120_000 });
    const interactiveMs = (await page.evaluate('window.__parleyInteractive')) as number;
    await sleep(SETTLE_MS);

    const pan = (await page.evaluate(panGesture(PAN))) as Gesture | null;
    if (!pan) throw new Error(`flow ${flow.id}: no bare spot of the pane to pan from`);
    const viewportBefore = (await page.evaluate(viewportTransform)) as string;
    const panFrames = await gestureFrames(page, pan);
    await expectMoved(page, viewportTransform, viewportBefore, 'panning');
    await sleep(SETTLE_MS);

    const drag = (await page.evaluate(nodeDragGesture(DRAG))) as (Gesture & { nodeId: string }) | null;
    if (!drag) throw new Error(`flow ${flow.id}: no card header on screen to drag`);
    const nodeBefore = (await page.evaluate(nodeTransform(drag.nodeId))) as string;
    const dragFrames = await gestureFrames(page, drag);
    await expectMoved(page, nodeTransform(drag.nodeId), nodeBefore, `dragging node ${drag.nodeId}`);

    if (errors.length > 0) throw new Error(`the page failed: ${errors.join('; ')}`);
    return { interactiveMs, pan: panFrames, drag: dragFrames };
  } finally {
    await context.close();
  }
}

function describeKinds(flow: FlowDocumentInput): string {
  return Object.entries(kindCounts(flow))
    .map(([kind, n]) => `${n} ${kind}`)
    .join(', ');
}

const generated = canvasFlow(NODES);

export const designerBench: Bench = {
  name: 'designer',
  description:
    `the designer's canvas (production build, real server, headless Chromium ${VIEWPORT.width}x${VIEWPORT.height}) ` +
    `on a generated ${NODES.toLocaleString('en')}-node flow (${describeKinds(generated)}; on a grid, opened with fitView) ` +
    `next to an empty one (start -> end): time to interactive (navigation start to cards shown and the main thread free, ` +
    `median of ${ROUNDS} fresh pages) and rAF frame deltas while panning the pane and dragging a card by its header ` +
    `(${STEPS} mouse moves ${STEP_MS} ms apart, pooled over ${ROUNDS} gestures); ` +
    `targets: interactive <= ${TARGETS.interactiveMs / 1000} s, p95 frame <= ${TARGETS.frameP95Ms} ms (60 Hz frames are 16.7 ms apart)`,
  async run() {
    let buildDir: string | undefined;
    let server: DesignerTestServer | undefined;
    let browser: Browser | undefined;
    try {
      buildDir = await buildDesigner();
      server = await startDesignerTestServer(buildDir);
      browser = await launchChromium();
      const { admin } = TEST_USERS;
      const { token } = await server.services.auth.signIn({ email: admin.email, password: admin.password });
      const principal = await server.services.auth.authenticate(token);
      if (!principal) throw new Error('the admin’s fresh session does not authenticate');
      const open = async (flow: FlowDocumentInput): Promise<OpenedFlow> => ({
        id: (await server!.services.flows.importFlow(principal, { flow })).id,
      });
      const empty = await open(emptyFlow());
      const big = await open(generated);

      const runs: { empty: PageFigures[]; big: PageFigures[] } = { empty: [], big: [] };
      // Alternating keeps each ratio to pages loaded side by side on a machine whose speed drifts.
      for (let round = 0; round < ROUNDS; round++) {
        runs.empty.push(await measurePage(browser, server.url, token, empty));
        runs.big.push(await measurePage(browser, server.url, token, big));
      }

      const at = `${NODES.toLocaleString('en')} nodes`;
      const figure = (metric: string, pick: (runs: PageFigures[]) => number): BenchResult =>
        withBaseline({
          bench: 'designer',
          metric: `${metric}, ${at}`,
          value: pick(runs.big),
          unit: 'ms',
          baseline: pick(runs.empty),
        });
      const frames = (gesture: 'pan' | 'drag', p: number) => (pages: PageFigures[]) =>
        percentile(
          pages.flatMap((page) => page[gesture]),
          p,
        );
      return [
        figure('time to interactive', (pages) => median(pages.map((page) => page.interactiveMs))),
        figure('pan frame p50', frames('pan', 0.5)),
        figure('pan frame p95', frames('pan', 0.95)),
        figure('node drag frame p50', frames('drag', 0.5)),
        figure('node drag frame p95', frames('drag', 0.95)),
      ];
    } finally {
      try {
        await browser?.close();
        await server?.close();
      } finally {
        if (buildDir) rmSync(buildDir, { recursive: true, force: true });
      }
    }
  },
};

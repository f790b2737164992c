import type { Locator, Page } from 'playwright-core';

/** What a user's hand does on the canvas: drag from the palette, draw an edge, pick a node. */
export function canvasActions(page: Page) {
  const pane = page.locator('.react-flow__pane');
  const card = (nodeId: string) => page.getByTestId(`node-${nodeId}`);

  async function centre(locator: Locator) {
    const box = await locator.boundingBox();
    if (!box) throw new Error('the element is not on screen');
    return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  }

  return {
    card,
    /** Drags a node kind from the palette and drops it at (x, y) inside the canvas. */
    async dropNode(kind: string, x: number, y: number) {
      await page.locator(`.pc-palette__item[data-kind="${kind}"]`).dragTo(pane, { targetPosition: { x, y } });
    },
    /** Draws an edge from a node's output port to another node's input, as a mouse drag. */
    async connect(sourceId: string, port: string, targetId: string) {
      const from = await centre(card(sourceId).locator(`[data-port="${port}"]`));
      const to = await centre(card(targetId).locator('.pc-handle--in'));
      await page.mouse.move(from.x, from.y);
      await page.mouse.down();
      await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 5 });
      await page.mouse.move(to.x, to.y, { steps: 5 });
      await page.mouse.up();
    },
    /** Selects a node by clicking its card's header. */
    async select(nodeId: string) {
      await card(nodeId).locator('.pc-card__header').click();
    },
    /** Selects an edge by clicking its line and deletes it with the keyboard. */
    async deleteEdge(edgeId: string) {
      await page.getByTestId(`rf__edge-${edgeId}`).locator('path').last().click({ force: true });
      await page.keyboard.press('Delete');
    },
  };
}

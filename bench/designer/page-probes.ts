/*
 * Scripts that run inside the page. They are plain strings, not functions handed to page.evaluate:
 * tsx compiles with keepNames, and the helper that adds would be missing in the page.
 */

declare global {
  interface Window {
    /** performance.now() at the moment the canvas became interactive. */
    __parleyInteractive?: number;
    __parleyFrames?: { stamps: number[]; running: boolean };
  }
}

/**
 * Runs at document start (an init script): stores the session token, then from the first frame watches
 * for the node cards the canvas renders (`.pc-card`; a large flow renders only those in view) until
 * xyflow has measured and shown every one; then waits for one frame and one task (the main thread is
 * free again) and stores performance.now(), milliseconds since navigation start, in
 * `window.__parleyInteractive`.
 */
export function interactiveProbe(sessionToken: string): string {
  return `(() => {
    try { localStorage.setItem('parley.session', ${JSON.stringify(sessionToken)}); } catch {}
    // A live collection and inline styles: checking every frame must not itself force style or layout.
    const cards = document.getElementsByClassName('pc-card');
    const measured = (card) => {
      const wrapper = card.closest('.react-flow__node');
      return wrapper !== null && wrapper.style.visibility !== 'hidden';
    };
    // Large flows render only the cards in view: interactive once those are drawn and measured.
    const shown = () => cards.length > 0 && Array.prototype.every.call(cards, (card) => measured(card));
    const poll = () => {
      if (!shown()) { requestAnimationFrame(poll); return; }
      requestAnimationFrame(() => setTimeout(() => { window.__parleyInteractive = performance.now(); }, 0));
    };
    requestAnimationFrame(poll);
  })()`;
}

/** Starts a requestAnimationFrame loop that stamps every frame. */
export const startFrames = `(() => {
  const frames = { stamps: [], running: true };
  window.__parleyFrames = frames;
  const tick = (t) => { if (!frames.running) return; frames.stamps.push(t); requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
})()`;

/** Lets two more frames through, stops the loop and answers the deltas between frames, in ms. */
export const stopFrames = `new Promise((resolve) => {
  requestAnimationFrame(() => requestAnimationFrame(() => {
    const frames = window.__parleyFrames;
    frames.running = false;
    const deltas = [];
    for (let i = 1; i < frames.stamps.length; i++) deltas.push(frames.stamps[i] - frames.stamps[i - 1]);
    resolve(deltas);
  }));
})`;

export type Point = { x: number; y: number };
export type Gesture = { from: Point; to: Point };

/**
 * A pan: from a point of the pane's middle third where nothing but the pane is under the pointer
 * (no card, edge, minimap or panel), `distance` px towards the middle.
 */
export function panGesture(distance: Point): string {
  return `(() => {
    const pane = document.querySelector('.react-flow__pane');
    const box = pane.getBoundingClientRect();
    const cx = box.left + box.width / 2, cy = box.top + box.height / 2;
    for (let fy = 0.35; fy <= 0.65; fy += 0.01) {
      for (let fx = 0.35; fx <= 0.65; fx += 0.005) {
        const x = Math.round(box.left + box.width * fx), y = Math.round(box.top + box.height * fy);
        if (document.elementFromPoint(x, y) !== pane) continue;
        const to = { x: x + (x < cx ? 1 : -1) * ${distance.x}, y: y + (y < cy ? 1 : -1) * ${distance.y} };
        return { from: { x, y }, to };
      }
    }
    return null;
  })()`;
}

/** A node drag: the header of the card nearest the pane's middle, `distance` px towards the middle. */
export function nodeDragGesture(distance: Point): string {
  return `(() => {
    const pane = document.querySelector('.react-flow__pane').getBoundingClientRect();
    const cx = pane.left + pane.width / 2, cy = pane.top + pane.height / 2;
    const candidates = [...document.querySelectorAll('.react-flow__node .pc-card__header')].map((header) => {
      const r = header.getBoundingClientRect();
      const x = r.left + r.width / 2, y = r.top + r.height / 2;
      return { d: Math.hypot(x - cx, y - cy), x, y, header };
    });
    candidates.sort((a, b) => a.d - b.d);
    // Hit tests are slow on a big canvas: try the nearest headers first and stop at one on top.
    const best = candidates.find((c) => document.elementFromPoint(c.x, c.y)?.closest('.pc-card__header') === c.header);
    if (!best) return null;
    best.id = best.header.closest('.react-flow__node').dataset.id;
    const from = { x: Math.round(best.x), y: Math.round(best.y) };
    const to = { x: from.x + (from.x < cx ? 1 : -1) * ${distance.x}, y: from.y + (from.y < cy ? 1 : -1) * ${distance.y} };
    return { nodeId: best.id, from, to };
  })()`;
}

/** The viewport's CSS transform: changes when the canvas pans. */
export const viewportTransform = `document.querySelector('.react-flow__viewport').style.transform`;

/** A node's CSS transform: changes when it is dragged. */
export function nodeTransform(nodeId: string): string {
  return `document.querySelector('.react-flow__node[data-id=${JSON.stringify(nodeId)}]').style.transform`;
}

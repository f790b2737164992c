/** What other packages' browser runs need (the designer bench): a production build and Debian's Chromium. */
export { launchChromium, screenshot } from './browser.ts';
export { buildDesigner } from './build-designer.ts';
export { canvasActions } from './canvas-actions.ts';

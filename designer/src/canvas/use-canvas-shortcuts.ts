import { type RefObject, useEffect, useRef } from 'react';
import { type CanvasCommand, commandFor, isEditableTarget } from './shortcuts.ts';

/**
 * Listens on the document because a click on the empty pane focuses nothing; only keys aimed at the
 * canvas or at nothing in particular are taken, so other panels of the editor keep their shortcuts.
 */
export function useCanvasShortcuts(
  container: RefObject<HTMLElement | null>,
  run: (command: CanvasCommand) => boolean,
  enabled: boolean,
): void {
  const latest = useRef(run);
  latest.current = run;
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || isEditableTarget(event.target)) return;
      const target = event.target;
      const aimed =
        target === document.body ||
        target === document.documentElement ||
        (target instanceof Node && container.current?.contains(target) === true);
      if (!aimed) return;
      const command = commandFor(event);
      // Copy with nothing selected falls through so the browser can still copy selected page text.
      if (command && latest.current(command)) event.preventDefault();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [container, enabled]);
}

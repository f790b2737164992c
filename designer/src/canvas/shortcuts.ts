export type CanvasCommand = 'undo' | 'redo' | 'copy' | 'paste' | 'tidy';

type KeyLike = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>;

/**
 * Ctrl on Windows/Linux and Cmd on macOS; both are accepted so nobody has to think about it.
 * Shift+L alone tidies the layout.
 */
export function commandFor(event: KeyLike): CanvasCommand | null {
  if (event.altKey) return null;
  const key = event.key.toLowerCase();
  if (!(event.ctrlKey || event.metaKey)) return key === 'l' && event.shiftKey ? 'tidy' : null;
  if (key === 'z') return event.shiftKey ? 'redo' : 'undo';
  if (key === 'y' && !event.shiftKey) return 'redo';
  if (key === 'c' && !event.shiftKey) return 'copy';
  if (key === 'v' && !event.shiftKey) return 'paste';
  return null;
}

/** Text fields keep their own undo and clipboard; the canvas only answers when nothing editable has focus. */
export function isEditableTarget(target: EventTarget | null): boolean {
  if (typeof HTMLElement === 'undefined' || !(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

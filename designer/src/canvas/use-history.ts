import { useCallback, useRef, useState } from 'react';
import { createHistory, type History, record, redo, undo } from './history.ts';

export type HistoryControls = {
  undo: () => void;
  redo: () => void;
  canUndo: boolean;
  canRedo: boolean;
};

/**
 * Follows the controlled `value` rather than wrapping the canvas's own edits, so changes made
 * elsewhere in the editor (the property panel, a rename) are undoable from the canvas too.
 */
export function useHistory<T>(value: T, onChange: (value: T) => void): HistoryControls {
  const [history, setHistory] = useState<History<T>>(() => createHistory(value));
  // Where an undo/redo is heading; it takes effect when the parent hands that state back as `value`,
  // so a parent that rejects the change leaves the history untouched.
  const travelling = useRef<History<T> | null>(null);

  let current = history;
  if (value !== history.present) {
    const arrived = travelling.current !== null && value === travelling.current.present;
    current = arrived && travelling.current ? travelling.current : record(history, value);
    travelling.current = null;
    setHistory(current);
  }

  const step = useCallback(
    (move: (h: History<T>) => History<T>) => {
      // Builds on a move still in flight, so two quick Ctrl+Z go back two steps.
      const from = travelling.current ?? current;
      const moved = move(from);
      if (moved === from) return;
      travelling.current = moved;
      onChange(moved.present);
    },
    [current, onChange],
  );

  return {
    undo: useCallback(() => step(undo), [step]),
    redo: useCallback(() => step(redo), [step]),
    canUndo: current.past.length > 0,
    canRedo: current.future.length > 0,
  };
}

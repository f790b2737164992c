import { useRef } from 'react';

/**
 * React keys for list items that follow the items through moves and removals, so per-item editor state
 * (the open language tab, a JSON draft) stays with its item instead of its position.
 */
export function useStableKeys(length: number) {
  const state = useRef({ keys: [] as number[], next: 0 });
  const current = state.current;
  // The list may also change from outside (undo, another editor): pad or trim to match.
  while (current.keys.length < length) current.keys.push(current.next++);
  if (current.keys.length > length) current.keys.length = length;
  return {
    keys: current.keys,
    added: () => {
      current.keys.push(current.next++);
    },
    removed: (index: number) => {
      current.keys.splice(index, 1);
    },
    moved: (from: number, to: number) => {
      const [key] = current.keys.splice(from, 1);
      if (key !== undefined) current.keys.splice(to, 0, key);
    },
  };
}

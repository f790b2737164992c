import type { FlowDocument } from '@parley/shared';
import { useReactFlow } from '@xyflow/react';
import { type KeyboardEvent, useMemo, useState } from 'react';
import { labels } from './labels.ts';
import { searchNodes } from './search.ts';

const FOCUS_ZOOM = 1;

/** Finds nodes by text; Enter steps through the matches, each one centred and selected. */
export function CanvasSearch({ flow, onFound }: { flow: FlowDocument; onFound: (nodeId: string) => void }) {
  const [query, setQuery] = useState('');
  const [index, setIndex] = useState(0);
  const { setCenter, getInternalNode, getZoom } = useReactFlow();
  const matches = useMemo(() => searchNodes(flow, query), [flow, query]);

  const reveal = (at: number) => {
    const id = matches[at];
    if (id === undefined) return;
    setIndex(at);
    const node = getInternalNode(id);
    if (node) {
      const { x, y } = node.internals.positionAbsolute;
      const width = node.measured.width ?? 0;
      const height = node.measured.height ?? 0;
      void setCenter(x + width / 2, y + height / 2, { zoom: Math.max(getZoom(), FOCUS_ZOOM), duration: 300 });
    }
    onFound(id);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      reveal(
        matches.length === 0 ? 0 : (index + (event.shiftKey ? -1 : 1) + matches.length) % matches.length,
      );
    } else if (event.key === 'Escape') {
      setQuery('');
    }
  };

  return (
    <search className="pc-search">
      <input
        type="search"
        className="pc-search__input"
        value={query}
        placeholder={labels.search.placeholder}
        aria-label={labels.search.ariaLabel}
        onChange={(event) => {
          setQuery(event.target.value);
          setIndex(-1);
        }}
        onKeyDown={onKeyDown}
      />
      {query.trim() !== '' && (
        <span className="pc-search__count" aria-live="polite">
          {matches.length === 0
            ? labels.search.noMatch
            : index < 0
              ? labels.search.matches(matches.length)
              : labels.search.position(index + 1, matches.length)}
        </span>
      )}
    </search>
  );
}

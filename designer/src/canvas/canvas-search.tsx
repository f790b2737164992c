import type { FlowDocument } from '@parley/shared';
import { type KeyboardEvent, useMemo, useState } from 'react';
import { labels } from './labels.ts';
import { searchNodes } from './search.ts';
import { useCentreNode } from './use-centre-node.ts';

/** Finds nodes by text; Enter steps through the matches, each one centred and selected. */
export function CanvasSearch({ flow, onFound }: { flow: FlowDocument; onFound: (nodeId: string) => void }) {
  const [query, setQuery] = useState('');
  const [index, setIndex] = useState(0);
  const centre = useCentreNode();
  const matches = useMemo(() => searchNodes(flow, query), [flow, query]);

  const reveal = (at: number) => {
    const id = matches[at];
    if (id === undefined) return;
    setIndex(at);
    centre(id);
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

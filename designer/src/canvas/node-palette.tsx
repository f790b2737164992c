import { type NodeKind, nodeDefinitions } from '@parley/nodes';
import type { FlowDocument } from '@parley/shared';
import type { DragEvent } from 'react';
import { canAddKind } from './document-edits.ts';
import { NODE_DRAG_TYPE } from './drag-data.ts';
import { labels } from './labels.ts';
import { paletteGroups } from './palette-groups.ts';
import { useAddNodeAtCentre } from './use-add-node.ts';

export type NodePaletteProps = {
  flow: FlowDocument;
  onChange: (flow: FlowDocument) => void;
  /** Called with a node added by click or Enter, so the editor can open it. */
  onSelect?: (nodeId: string | null) => void;
  readOnly?: boolean;
};

const groups = paletteGroups();

/** Needs the same ReactFlowProvider as the FlowCanvas it feeds: a click adds at that canvas's centre. */
export function NodePalette({ flow, onChange, onSelect, readOnly = false }: NodePaletteProps) {
  const addAtCentre = useAddNodeAtCentre(flow, onChange);

  const onDragStart = (event: DragEvent<HTMLButtonElement>, kind: NodeKind) => {
    event.dataTransfer.setData(NODE_DRAG_TYPE, kind);
    event.dataTransfer.effectAllowed = 'copy';
  };

  return (
    <nav className="pc-palette" aria-label={labels.paletteTitle}>
      <h2 className="pc-palette__title">{labels.paletteTitle}</h2>
      <p className="pc-palette__hint">{readOnly ? labels.paletteReadOnly : labels.paletteHint}</p>
      {groups.map((group) => (
        <section key={group.category} className="pc-palette__group" data-category={group.category}>
          <h3 className="pc-palette__group-title">{labels.category(group.category)}</h3>
          <ul>
            {group.kinds.map((kind) => {
              const { meta } = nodeDefinitions[kind];
              const label = labels.kindLabel(kind, meta.label);
              const description = labels.kindDescription(kind, meta.description);
              const allowed = !readOnly && canAddKind(flow, kind);
              const title = allowed || readOnly ? description : `${description}\n${labels.paletteStartTaken}`;
              return (
                <li key={kind}>
                  <button
                    type="button"
                    className="pc-palette__item"
                    data-kind={kind}
                    data-category={group.category}
                    title={title}
                    disabled={!allowed}
                    draggable={allowed}
                    onDragStart={(event) => onDragStart(event, kind)}
                    onClick={() => {
                      const id = addAtCentre(kind);
                      if (id) onSelect?.(id);
                    }}
                  >
                    <span className="pc-palette__swatch" aria-hidden="true" />
                    <span className="pc-palette__label">{label}</span>
                  </button>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </nav>
  );
}

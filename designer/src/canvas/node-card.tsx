import { Handle, type NodeProps, Position, useUpdateNodeInternals } from '@xyflow/react';
import { memo, useEffect, useRef } from 'react';
import { labels } from './labels.ts';
import type { CanvasNode } from './to-xyflow.ts';

/** Cards stay compact on big flows; the full text is one hover away in the title. */
const MAX_ESSENCE_LINES = 4;

const DIFF_BADGES = { added: '+', removed: '−', changed: '~' } as const;

function NodeCardView({ id, data, selected }: NodeProps<CanvasNode>) {
  const updateNodeInternals = useUpdateNodeInternals();
  const portKey = data.ports.map((p) => p.name).join('\n');
  const measuredPorts = useRef(portKey);
  // xyflow measures handle positions once; when a config adds or removes a port they must be re-read.
  // Not on mount: an early re-measure of one card resolves the initial fitView before the others are sized.
  useEffect(() => {
    if (measuredPorts.current === portKey) return;
    measuredPorts.current = portKey;
    updateNodeInternals(id);
  }, [id, portKey, updateNodeInternals]);

  const shown = data.essence.slice(0, MAX_ESSENCE_LINES);
  const hidden = data.essence.length - shown.length;
  const classes = [
    'pc-card',
    selected && 'pc-card--selected',
    data.problem && 'pc-card--problem',
    data.active && 'pc-card--active',
    data.diff && `pc-card--diff-${data.diff}`,
  ]
    .filter(Boolean)
    .join(' ');

  return (
    <div
      className={classes}
      data-testid={`node-${id}`}
      data-kind={data.node.type}
      data-category={data.category ?? 'unknown'}
      data-problem={data.problem ? 'true' : undefined}
      data-active={data.active ? 'true' : undefined}
      data-selected={selected ? 'true' : undefined}
      data-diff={data.diff ?? undefined}
    >
      {data.hasInput && (
        <Handle
          type="target"
          position={Position.Left}
          className="pc-handle pc-handle--in"
          aria-label={labels.inputHandle}
        />
      )}
      <header className="pc-card__header">
        <span className="pc-card__kind">
          {data.category ? data.kindLabel : labels.unknownKind(data.node.type)}
        </span>
        {data.problem && (
          <span
            className="pc-card__mark pc-card__mark--problem"
            role="img"
            aria-label={labels.problemMark}
            title={labels.problemMark}
          >
            !
          </span>
        )}
        {data.active && (
          <span
            className="pc-card__mark pc-card__mark--active"
            role="img"
            aria-label={labels.activeMark}
            title={labels.activeMark}
          />
        )}
        {data.diff && (
          <span
            className={`pc-card__mark pc-card__mark--diff pc-card__mark--${data.diff}`}
            role="img"
            aria-label={labels.diffMark(data.diff)}
            title={labels.diffMark(data.diff)}
          >
            {DIFF_BADGES[data.diff]}
          </span>
        )}
      </header>
      <div className="pc-card__id">{id}</div>
      {shown.length > 0 && (
        <ul className="pc-card__essence" title={data.essence.join('\n')}>
          {shown.map((line, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: lines are positional and may repeat
            <li key={i}>{line}</li>
          ))}
          {hidden > 0 && <li className="pc-card__more">{labels.moreLines(hidden)}</li>}
        </ul>
      )}
      {data.ports.length > 0 && (
        <ul className="pc-card__ports">
          {data.ports.map((port) => (
            <li key={port.name} className={port.stale ? 'pc-port pc-port--stale' : 'pc-port'}>
              <span className="pc-port__label">{port.label}</span>
              <Handle
                type="source"
                position={Position.Right}
                id={port.name}
                data-port={port.name}
                className="pc-handle pc-handle--out"
                aria-label={port.label}
              />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export const NodeCard = memo(NodeCardView);

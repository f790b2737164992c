import { type ReactNode, useState } from 'react';

export type SideTab = { id: string; label: string; content: () => ReactNode };

/**
 * The editor's right-hand panel. A tab is first rendered when it is first opened (Monaco loads only with
 * the machine view) and then stays mounted while hidden, so a simulation keeps going behind the inspector.
 */
export function SideTabs({
  tabs,
  active,
  onActivate,
}: {
  tabs: SideTab[];
  active: string;
  onActivate: (id: string) => void;
}) {
  const [opened, setOpened] = useState(() => new Set([active]));
  if (!opened.has(active)) setOpened(new Set([...opened, active]));
  return (
    <div className="side-tabs">
      <div role="tablist">
        {tabs.map((tab) => (
          <button
            key={tab.id}
            id={`tab-${tab.id}`}
            type="button"
            role="tab"
            aria-selected={tab.id === active}
            aria-controls={`panel-${tab.id}`}
            onClick={() => onActivate(tab.id)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      {tabs
        .filter((tab) => opened.has(tab.id))
        .map((tab) => (
          <div
            key={tab.id}
            id={`panel-${tab.id}`}
            role="tabpanel"
            aria-labelledby={`tab-${tab.id}`}
            hidden={tab.id !== active}
            className="side-tab-panel"
          >
            {tab.content()}
          </div>
        ))}
    </div>
  );
}

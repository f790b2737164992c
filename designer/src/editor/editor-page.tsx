import { validateFlow } from '@parley/nodes';
import type { LayoutGraph } from '@parley/shared';
import { ReactFlowProvider } from '@xyflow/react';
import { useCallback, useDeferredValue, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FlowCanvas, NodePalette } from '../canvas/index.ts';
import { FlowSettingsPanel } from '../flow-settings/flow-settings-panel.tsx';
import { MachineView } from '../machine/machine-view.tsx';
import { flowsHref } from '../routing/hash-route.ts';
import { useSignedIn } from '../session/session-context.tsx';
import { SimulatorPanel } from '../simulator/simulator-panel.tsx';
import { VersionsPanel } from '../versions/versions-panel.tsx';
import { FlowName } from './flow-name.tsx';
import { NodeInspectorPanel } from './node-inspector-panel.tsx';
import { ProblemsPanel } from './problems-panel.tsx';
import { SaveStatus } from './save-status.tsx';
import { SideTabs } from './side-tabs.tsx';
import { useDiffView } from './use-diff-view.ts';
import { useDraft } from './use-draft.ts';

/** One flow's draft: palette, canvas, side panels and problems, saved as it is edited. */
export function EditorPage({ flowId }: { flowId: string }) {
  const { t } = useTranslation();
  const { api, user } = useSignedIn();
  const draft = useDraft(api, flowId);
  const [selected, setSelected] = useState<string | null>(null);
  const [tab, setTab] = useState('inspector');
  const [activeNode, setActiveNode] = useState<string | null>(null);
  const [focusRequest, setFocusRequest] = useState<{ nodeId: string } | null>(null);
  const { flow } = draft;
  const diff = useDiffView(api, flowId, flow);
  const layoutEngine = useCallback((graph: LayoutGraph) => api.flows.layout.mutate(graph), [api]);
  // Validation (~100 ms for 2,000 nodes) runs after the canvas is drawn and never delays typing.
  const checkedFlow = useDeferredValue(flow, null);
  const problems = useMemo(() => (checkedFlow ? validateFlow(checkedFlow) : []), [checkedFlow]);
  const problemNodeIds = useMemo(
    () => new Set(problems.flatMap((p) => (p.severity === 'error' && p.nodeId ? [p.nodeId] : []))),
    [problems],
  );

  if (draft.loadError)
    return (
      <p role="alert" className="error page-error">
        {draft.loadError}
      </p>
    );
  if (!flow) return <p className="page-loading">{t('app.loading')}</p>;
  const node = flow.nodes.find((n) => n.id === selected) ?? null;
  const choose = (nodeId: string | null) => {
    setSelected(nodeId);
    if (nodeId) setTab('inspector');
  };

  return (
    <ReactFlowProvider>
      <div className="editor">
        <header className="editor-bar">
          <a href={flowsHref}>← {t('editor.back')}</a>
          <FlowName name={flow.name} onRename={(name) => draft.edit({ ...flow, name })} />
          <SaveStatus save={draft.save} onReload={draft.reload} onOverwrite={draft.overwrite} />
        </header>
        {diff.shown && (
          <div className="diff-banner" role="status">
            {t('editor.showingDiff', {
              from: diff.shown.from === 'draft' ? t('versions.draft') : `v${diff.shown.from}`,
              to: diff.shown.to === 'draft' ? t('versions.draft') : `v${diff.shown.to}`,
            })}
            <button type="button" onClick={() => void diff.show(null)}>
              {t('versions.clearDiff')}
            </button>
          </div>
        )}
        {diff.error && (
          <p role="alert" className="error diff-banner">
            {diff.error}
          </p>
        )}
        <aside className="palette-pane">
          <NodePalette flow={flow} onChange={draft.edit} readOnly={diff.shown !== null} />
        </aside>
        <section className="canvas-pane">
          {diff.shown ? (
            <FlowCanvas
              key="diff"
              flow={diff.shown.flow}
              nodeMarks={diff.shown.marks}
              readOnly
              onChange={() => undefined}
              selectedNodeId={selected}
              onSelect={setSelected}
            />
          ) : (
            <FlowCanvas
              key="draft"
              flow={flow}
              onChange={draft.edit}
              selectedNodeId={selected}
              onSelect={choose}
              problemNodeIds={problemNodeIds}
              highlightedNodeId={activeNode}
              layoutEngine={layoutEngine}
              focusRequest={focusRequest}
            />
          )}
        </section>
        <aside className="inspector-pane">
          <SideTabs
            active={tab}
            onActivate={setTab}
            tabs={[
              {
                id: 'inspector',
                label: t('editor.inspector'),
                content: () => <NodeInspectorPanel flow={flow} node={node} onChange={draft.edit} />,
              },
              {
                id: 'flow',
                label: t('flowSettings.tab'),
                content: () => <FlowSettingsPanel flow={flow} onChange={draft.edit} />,
              },
              {
                id: 'simulator',
                label: t('simulator.tab'),
                content: () => <SimulatorPanel api={api} flow={flow} onActiveNode={setActiveNode} />,
              },
              {
                id: 'versions',
                label: t('versions.tab'),
                content: () => (
                  <VersionsPanel
                    api={api}
                    flowId={flowId}
                    isAdmin={user.role === 'admin'}
                    beforePublish={draft.saveNow}
                    onDiff={(compared) => void diff.show(compared)}
                  />
                ),
              },
              { id: 'machine', label: t('machine.tab'), content: () => <MachineView flow={flow} /> },
            ]}
          />
        </aside>
        <footer className="problems-pane">
          <ProblemsPanel
            problems={problems}
            onChoose={(nodeId) => {
              choose(nodeId);
              setFocusRequest({ nodeId });
            }}
          />
        </footer>
      </div>
    </ReactFlowProvider>
  );
}

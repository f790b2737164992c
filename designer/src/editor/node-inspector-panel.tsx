import { definitionOf, isNodeKind } from '@parley/nodes';
import type { FlowDocument, FlowNode } from '@parley/shared';
import { useTranslation } from 'react-i18next';
import { NodeInspector } from '../inspector/index.ts';

/** The selected node's config, edited through the form its kind's schema generates. */
export function NodeInspectorPanel({
  flow,
  node,
  onChange,
}: {
  flow: FlowDocument;
  node: FlowNode | null;
  onChange: (flow: FlowDocument) => void;
}) {
  const { t } = useTranslation();
  if (!node) return <p className="muted">{t('editor.nothingSelected')}</p>;
  if (!isNodeKind(node.type)) return <p className="error">{t('editor.unknownKind', { kind: node.type })}</p>;
  const definition = definitionOf(node.type);
  const update = (data: unknown) =>
    onChange({
      ...flow,
      nodes: flow.nodes.map((n) =>
        n.id === node.id ? { ...n, data: (data ?? {}) as Record<string, unknown> } : n,
      ),
    });
  return (
    <div className="node-inspector-panel">
      <h3>
        {definition.meta.label} <code title={t('editor.nodeId')}>{node.id}</code>
      </h3>
      <NodeInspector
        key={node.id}
        schema={definition.configSchema}
        value={node.data}
        languages={flow.languages}
        variables={flow.variables.map((v) => v.name)}
        onChange={update}
      />
    </div>
  );
}

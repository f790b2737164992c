import { type FlowDocument, flowDocumentSchema } from '@parley/shared';
import { useTranslation } from 'react-i18next';
import { NodeInspector } from '../inspector/index.ts';

/** What the flow-level panel edits: the same schema the server validates drafts with, so no rule differs. */
const flowLevelSchema = flowDocumentSchema.pick({ languages: true, variables: true, settings: true });

/** The flow's languages, variables and settings, as a form generated from the flow document's schema. */
export function FlowSettingsPanel({
  flow,
  onChange,
}: {
  flow: FlowDocument;
  onChange: (flow: FlowDocument) => void;
}) {
  const { t } = useTranslation();
  const value = { languages: flow.languages, variables: flow.variables, settings: flow.settings };
  return (
    <section className="flow-settings" aria-label={t('flowSettings.tab')}>
      <NodeInspector
        schema={flowLevelSchema}
        value={value}
        languages={flow.languages}
        variables={flow.variables.map((v) => v.name)}
        onChange={(next) => {
          const parsed = next as Partial<typeof value>;
          onChange({ ...flow, ...parsed } as FlowDocument);
        }}
      />
    </section>
  );
}

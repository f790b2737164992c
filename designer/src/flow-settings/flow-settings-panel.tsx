import type { FlowDocument } from '@parley/shared';
import { useTranslation } from 'react-i18next';
import { NodeInspector } from '../inspector/index.ts';
import { flowLevelSchema } from './flow-level-schema.ts';

/** The flow's languages, variables, intents, entities and settings, as a form generated from its schema. */
export function FlowSettingsPanel({
  flow,
  onChange,
}: {
  flow: FlowDocument;
  onChange: (flow: FlowDocument) => void;
}) {
  const { t } = useTranslation();
  const value = {
    languages: flow.languages,
    variables: flow.variables,
    intents: flow.intents,
    entities: flow.entities,
    settings: flow.settings,
  };
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

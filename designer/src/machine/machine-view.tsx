import { compileFlow } from '@parley/nodes';
import type { FlowDocument } from '@parley/shared';
import { lazy, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';

const JsonView = lazy(() => import('../monaco/json-view.tsx'));

/** The XState machine the draft compiles to, as the runtime will run it. */
export function MachineView({ flow }: { flow: FlowDocument }) {
  const { t } = useTranslation();
  const compiled = useMemo(() => {
    try {
      return { json: JSON.stringify(compileFlow(flow), null, 2) };
    } catch (error) {
      return { error: error instanceof Error ? error.message : String(error) };
    }
  }, [flow]);
  if ('error' in compiled) {
    return (
      <p role="alert" className="error">
        {t('machine.cannotCompile', { message: compiled.error })}
      </p>
    );
  }
  return (
    <Suspense fallback={<p className="muted">{t('app.loading')}</p>}>
      <JsonView value={compiled.json} label={t('machine.tab')} />
    </Suspense>
  );
}

import type { FlowDiagnostic } from '@parley/nodes';
import { useTranslation } from 'react-i18next';

/** The draft's diagnostics, errors first; choosing one with a node selects and centres that node. */
export function ProblemsPanel({
  problems,
  onChoose,
}: {
  problems: FlowDiagnostic[];
  onChoose: (nodeId: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <section className="problems" aria-label={t('editor.problems')}>
      <h2>
        {t('editor.problems')} <span className="count">{problems.length}</span>
      </h2>
      {problems.length === 0 ? (
        <p className="muted">{t('editor.noProblems')}</p>
      ) : (
        <ul>
          {problems.map((problem) => (
            <li
              key={`${problem.code}-${problem.nodeId ?? ''}-${problem.message}`}
              className={problem.severity}
            >
              <button
                type="button"
                disabled={!problem.nodeId}
                onClick={() => problem.nodeId && onChoose(problem.nodeId)}
              >
                <span className="severity">{t(`editor.severity.${problem.severity}`)}</span>
                {problem.nodeId && <code>{problem.nodeId}</code>} {problem.message}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

import { useCallback, useEffect, useRef, useState } from 'react';
import { labels } from './labels.ts';

const HINT_MS = 4000;

/** A short-lived message; a new hint replaces the old one and restarts the clock. */
export function useHint(): { hint: string | null; show: (text: string) => void; dismiss: () => void } {
  const [hint, setHint] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const dismiss = useCallback(() => {
    clearTimeout(timer.current);
    setHint(null);
  }, []);
  const show = useCallback((text: string) => {
    clearTimeout(timer.current);
    setHint(text);
    timer.current = setTimeout(() => setHint(null), HINT_MS);
  }, []);
  useEffect(() => () => clearTimeout(timer.current), []);
  return { hint, show, dismiss };
}

/** Always mounted, so screen readers announce the text when it appears in the live region. */
export function CanvasHint({ hint, onDismiss }: { hint: string | null; onDismiss: () => void }) {
  return (
    <div className="pc-hint" role="status" aria-live="polite" data-visible={hint ? 'true' : 'false'}>
      {hint && (
        <>
          <span>{hint}</span>
          <button
            type="button"
            className="pc-hint__close"
            onClick={onDismiss}
            aria-label={labels.hints.dismiss}
          >
            ×
          </button>
        </>
      )}
    </div>
  );
}

import type { FlowDocument } from '@parley/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiClient } from '../api/api-client.ts';
import { errorCode, errorMessage } from '../api/error-message.ts';

/** Typing pauses this long before the draft is saved. */
export const AUTOSAVE_DELAY_MS = 700;

export type SaveState =
  | { state: 'saved'; revision: number }
  | { state: 'dirty' }
  | { state: 'saving' }
  | { state: 'conflict'; message: string }
  | { state: 'failed'; message: string };

type Loaded = { flow: FlowDocument; name: string; revision: number };

/**
 * The flow's draft as the user edits it, saved automatically on top of the revision it was loaded at.
 * A save refused because someone else saved meanwhile stops autosaving until the user reloads theirs or
 * overwrites it; until then the edits stay on screen (and the page asks before it is left), so nothing
 * typed is lost silently.
 */
export function useDraft(api: ApiClient, flowId: string) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [flow, setFlow] = useState<FlowDocument | null>(null);
  const [save, setSave] = useState<SaveState>({ state: 'saved', revision: 0 });
  const base = useRef(0);
  const pending = useRef<FlowDocument | null>(null);
  const inFlight = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const blocked = useRef(false);

  const load = useCallback(async () => {
    try {
      const view = await api.flows.get.query({ flowId });
      base.current = view.revision;
      pending.current = null;
      blocked.current = false;
      setLoaded({ flow: view.draft, name: view.name, revision: view.revision });
      setFlow(view.draft);
      setSave({ state: 'saved', revision: view.revision });
    } catch (cause) {
      setLoadError(errorMessage(cause));
    }
  }, [api, flowId]);

  useEffect(() => {
    void load();
  }, [load]);

  const flush = useCallback(async () => {
    if (inFlight.current || blocked.current || !pending.current) return;
    const draft = pending.current;
    pending.current = null;
    inFlight.current = true;
    setSave({ state: 'saving' });
    try {
      const saved = await api.flows.saveDraft.mutate({ flowId, draft, baseRevision: base.current });
      base.current = saved.revision;
      setSave(pending.current ? { state: 'dirty' } : { state: 'saved', revision: saved.revision });
    } catch (cause) {
      // What failed to save is saved next time, with whatever was typed since.
      pending.current ??= draft;
      blocked.current = errorCode(cause) === 'CONFLICT';
      setSave({ state: blocked.current ? 'conflict' : 'failed', message: errorMessage(cause) });
    } finally {
      inFlight.current = false;
    }
    if (pending.current && !blocked.current)
      timer.current = setTimeout(() => void flush(), AUTOSAVE_DELAY_MS);
  }, [api, flowId]);

  const edit = useCallback(
    (next: FlowDocument) => {
      setFlow(next);
      pending.current = next;
      if (!blocked.current) setSave({ state: 'dirty' });
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), AUTOSAVE_DELAY_MS);
    },
    [flush],
  );

  /** Keeps these edits: saves them on top of the revision that won the conflict. */
  const overwrite = useCallback(async () => {
    const latest = await api.flows.get.query({ flowId });
    base.current = latest.revision;
    blocked.current = false;
    pending.current ??= flow;
    await flush();
  }, [api, flowId, flow, flush]);

  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (pending.current || inFlight.current) event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, []);

  // Leaving the editor (back to the list) saves what the autosave delay still held back.
  useEffect(
    () => () => {
      clearTimeout(timer.current);
      void flush();
    },
    [flush],
  );

  return { loaded, loadError, flow, save, edit, reload: load, overwrite, saveNow: flush };
}

// Autosave of a note being written: a debounced PUT after typing stops, one request at a time (a change made while
// one is in flight is sent right after it), with the state the editor shows ("Saving…", "Saved"). Silent on success,
// so it uses react-query's cache directly instead of useAction (whose toast would pop up on every pause in typing).
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { NoteTemplate, SessionNote } from '@shared/api-types';
import { notesApi } from '../../api/records';
import { auditKeys } from '../audit/query-keys';
import { clientKeys } from '../clients/query-keys';
import { noteKeys } from './query-keys';

export type SaveState = 'idle' | 'unsaved' | 'saving' | 'saved' | 'failed';

interface Draft {
  template: NoteTemplate;
  fields: Record<string, string>;
}

const DEBOUNCE_MS = 800;

export function useAutosave(appointmentId: string) {
  const queryClient = useQueryClient();
  const [state, setState] = useState<SaveState>('idle');
  const [error, setError] = useState<unknown>(null);
  const latest = useRef<Draft | null>(null);
  const timer = useRef<number | null>(null);
  const running = useRef<Promise<void> | null>(null);
  const again = useRef(false);

  const send = useCallback((): Promise<void> => {
    if (running.current) {
      again.current = true;
      return running.current;
    }
    running.current = (async () => {
      setState('saving');
      try {
        do {
          again.current = false;
          const draft = latest.current!;
          const saved: SessionNote = await notesApi.write(appointmentId, draft.template, draft.fields);
          queryClient.setQueryData(noteKeys.note(appointmentId), saved);
        } while (again.current);
        setError(null);
        setState('saved');
        // The record's note headers and the audit log follow the saved note.
        void queryClient.invalidateQueries({ queryKey: clientKeys.all });
        void queryClient.invalidateQueries({ queryKey: auditKeys.all });
      } catch (failure) {
        setError(failure);
        setState('failed');
      } finally {
        running.current = null;
      }
    })();
    return running.current;
  }, [appointmentId, queryClient]);

  /** Sends whatever is waiting now (before signing, or when leaving the page). */
  const flush = useCallback(async () => {
    if (timer.current !== null) {
      window.clearTimeout(timer.current);
      timer.current = null;
      await send();
    } else if (running.current) {
      await running.current;
    }
  }, [send]);

  const change = useCallback(
    (draft: Draft) => {
      latest.current = draft;
      setState('unsaved');
      if (timer.current !== null) window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => {
        timer.current = null;
        void send();
      }, DEBOUNCE_MS);
    },
    [send],
  );

  // Leaving the page does not lose the last words typed.
  useEffect(
    () => () => {
      if (timer.current !== null) {
        window.clearTimeout(timer.current);
        void send();
      }
    },
    [send],
  );

  return { state, error, change, flush };
}

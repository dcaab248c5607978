// A session's note: null while none is written yet (the API answers 404 then), so the editor starts blank.
import { useQuery } from '@tanstack/react-query';
import { ApiError } from '../../api/errors';
import { notesApi } from '../../api/records';
import type { SessionNote } from '@shared/api-types';
import { noteKeys } from './query-keys';

export function useNote(appointmentId: string) {
  return useQuery({
    queryKey: noteKeys.note(appointmentId),
    queryFn: async (): Promise<SessionNote | null> => {
      try {
        return await notesApi.note(appointmentId);
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
    // Each read is audited, and the editor's own saves keep it current: no refetch on focus.
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
}

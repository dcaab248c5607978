// The practice's time zone for the therapist's pages, from the settings in force.
import { useQuery } from '@tanstack/react-query';
import { adminApi } from '../../api/admin';
import { practiceKeys } from '../../features/practice/query-keys';
import { browserZone } from '../../lib/practice-time';

export function useSettings() {
  return useQuery({ queryKey: practiceKeys.settings(), queryFn: adminApi.settings, staleTime: 60_000 });
}

export function usePracticeZone(): string {
  return useSettings().data?.practice_timezone.value ?? browserZone();
}

// The practice's public profile for every page, signed in or not: its name for the header, its zone and notice period.
import { useQuery } from '@tanstack/react-query';
import { meetingsApi } from '../../api/meetings';
import { practiceKeys } from './query-keys';

export function usePracticeInfo() {
  return useQuery({ queryKey: practiceKeys.info(), queryFn: meetingsApi.practice, staleTime: 5 * 60_000 });
}

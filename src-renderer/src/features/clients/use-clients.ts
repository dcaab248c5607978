// The therapist's client list and one client's record.
import { useQuery } from '@tanstack/react-query';
import { clientsApi } from '../../api/records';
import { clientKeys } from './query-keys';

export function useClients(search: string, page: number) {
  return useQuery({ queryKey: clientKeys.list(search, page), queryFn: () => clientsApi.list(search, page) });
}

export function useClientRecord(id: string) {
  return useQuery({ queryKey: clientKeys.record(id), queryFn: () => clientsApi.record(id) });
}

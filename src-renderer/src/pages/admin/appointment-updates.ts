// After scheduling or rejecting: every list, figure and drawer that shows appointments asks again.
import { useQueryClient } from '@tanstack/react-query';
import type { Appointment } from '../../api/types';

export function useAppointmentChanged(): (appointment: Appointment) => void {
  const queryClient = useQueryClient();
  return (appointment) => {
    queryClient.setQueryData(['appointment', appointment.id], appointment);
    void queryClient.invalidateQueries({ queryKey: ['appointments'] });
    void queryClient.invalidateQueries({ queryKey: ['stats'] });
  };
}

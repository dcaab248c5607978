// Scheduling and rejecting: the drawer shows the answer at once, and every list and figure of appointments asks again.
import { useQueryClient } from '@tanstack/react-query';
import type { Appointment } from '@shared/api-types';
import { useAction } from '../../components/useAction';

export function useAppointmentAction(run: () => Promise<Appointment>, done: (appointment: Appointment) => string) {
  const queryClient = useQueryClient();
  return useAction({
    run,
    done,
    refreshes: [['appointments'], ['stats']],
    after: (appointment) => queryClient.setQueryData(['appointment', appointment.id], appointment),
  });
}

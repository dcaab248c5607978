// Scheduling and rejecting: the drawer shows the answer at once, and every list and figure of appointments asks again.
import type { Appointment } from '@shared/api-types';
import { useAction } from '../../components/useAction';
import { appointmentKeys } from '../../features/sessions/query-keys';

export function useAppointmentAction(run: () => Promise<Appointment>, done: (appointment: Appointment) => string) {
  return useAction({
    run,
    done,
    stores: (appointment) => appointmentKeys.detail(appointment.id),
    invalidates: [appointmentKeys.all],
  });
}

// Every staff change to one appointment (schedule, reject, move, cancel, attendance): the drawer shows the answer at
// once, every list and figure of appointments asks again, and a failure shows in the form only (no second toast).
import type { Appointment } from '@shared/api-types';
import { useAction } from '../../components/useAction';
import { appointmentKeys } from '../../features/sessions/query-keys';

export function useAppointmentAction<TInput = void>(
  run: (input: TInput) => Promise<Appointment>,
  done: (appointment: Appointment) => string,
) {
  return useAction({
    run,
    done,
    stores: (appointment) => appointmentKeys.detail(appointment.id),
    invalidates: [appointmentKeys.all],
    errorsInForm: true,
  });
}

// An appointment's state as a coloured label (text, not colour alone, carries the meaning).
import type { Appointment } from '@shared/api-types';

const MEETING_LABELS: Record<Appointment['meeting_status'], string> = {
  pending: 'Pending review',
  rejected: 'Rejected',
  cancelled: 'Cancelled',
  scheduled: 'Scheduled',
  active: 'Open now',
  completed: 'Completed',
};

export function StatusBadge({ appointment }: { appointment: Pick<Appointment, 'meeting_status'> }) {
  return <span className={`badge badge-${appointment.meeting_status}`}>{MEETING_LABELS[appointment.meeting_status]}</span>;
}

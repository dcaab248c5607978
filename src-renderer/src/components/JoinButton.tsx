// "Join session": shown exactly while the server says the meeting can be joined; the room opens outside the app.
import type { Appointment } from '@shared/api-types';
import { openExternal } from '../lib/desktop';

export function JoinButton({ appointment, label = 'Join session' }: { appointment: Appointment; label?: string }) {
  if (!appointment.can_join_meeting || !appointment.jitsi_meet_url) return null;
  const url = appointment.jitsi_meet_url;
  return (
    <button type="button" className="button join" onClick={() => openExternal(url)}>
      {label}
    </button>
  );
}

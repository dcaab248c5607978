// Upcoming sessions, soonest first, grouped by day; a row opens the session's drawer (move, cancel, attendance), and
// "Join" shows while its join window is open. Times are 24-hour in the practice zone, named once in the heading.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { meetingsApi } from '../../api/meetings';
import { appointmentKeys } from '../../features/sessions/query-keys';
import type { Appointment } from '@shared/api-types';
import { JoinButton } from '../../components/JoinButton';
import { StatusBadge } from '../../components/StatusBadge';
import { Empty, QueryView } from '../../components/States';
import { clientName, clockTime } from '../../lib/practice-time';
import { AppointmentDrawer } from './AppointmentDrawer';
import { usePracticeZone } from './practice-zone';

const POLL_MS = 30_000;

function byDay(appointments: Appointment[], zone: string): [string, Appointment[]][] {
  const dayOf = new Intl.DateTimeFormat(undefined, { timeZone: zone, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
  const groups = new Map<string, Appointment[]>();
  for (const appointment of appointments) {
    const day = dayOf.format(new Date(appointment.scheduled_datetime!));
    groups.set(day, [...(groups.get(day) ?? []), appointment]);
  }
  return [...groups.entries()];
}

export function SessionsPage() {
  const zone = usePracticeZone();
  const scheduled = useQuery({
    queryKey: appointmentKeys.list({ status: 'scheduled', page_size: 100 }),
    queryFn: () => meetingsApi.appointments({ status: 'scheduled', page_size: 100 }),
    refetchInterval: POLL_MS,
    select: (page) =>
      page.results
        .filter((appointment) => appointment.meeting_status !== 'completed' && appointment.scheduled_datetime)
        .sort((a, b) => a.scheduled_datetime!.localeCompare(b.scheduled_datetime!)),
  });
  const [openId, setOpenId] = useState<string | null>(null);
  return (
    <section aria-labelledby="sessions-title">
      <h1 id="sessions-title">Upcoming sessions</h1>
      <p className="muted small">Times in the practice's zone, {zone}. Open a session to move or cancel it, or to record attendance.</p>
      <QueryView
        query={scheduled}
        isEmpty={(list) => list.length === 0}
        empty={<Empty title="No upcoming sessions">Scheduled requests appear here.</Empty>}
      >
        {(list) =>
          byDay(list, zone).map(([day, sessions]) => (
            <div key={day} className="day-group">
              <h2>{day}</h2>
              <ul className="card-list">
                {sessions.map((session) => (
                  <li key={session.id} className="card session-row">
                    <span className="session-time">{clockTime(session.scheduled_datetime!, zone)}</span>
                    <button
                      type="button"
                      className="session-who link-button"
                      onClick={() => setOpenId(session.id)}
                      aria-label={`Open the session with ${clientName(session)} at ${clockTime(session.scheduled_datetime!, zone)}`}
                    >
                      <strong>{clientName(session)}</strong>
                      <span className="muted small">
                        {session.scheduled_duration} minutes · {session.account?.email ?? session.email}
                      </span>
                    </button>
                    <StatusBadge appointment={session} />
                    <JoinButton appointment={session} label="Join" />
                  </li>
                ))}
              </ul>
            </div>
          ))
        }
      </QueryView>
      <AppointmentDrawer appointmentId={openId} onClose={() => setOpenId(null)} />
    </section>
  );
}

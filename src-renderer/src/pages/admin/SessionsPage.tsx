// Upcoming sessions, soonest first, grouped by day, with "Join" while each one's join window is open.
import { useQuery } from '@tanstack/react-query';
import { meetingsApi } from '../../api/meetings';
import { appointmentKeys } from '../../features/sessions/query-keys';
import type { Appointment } from '@shared/api-types';
import { JoinButton } from '../../components/JoinButton';
import { StatusBadge } from '../../components/StatusBadge';
import { Empty, QueryView } from '../../components/States';
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
  const timeOf = new Intl.DateTimeFormat(undefined, { timeZone: zone, hour: '2-digit', minute: '2-digit', timeZoneName: 'short' });
  return (
    <section aria-labelledby="sessions-title">
      <h1 id="sessions-title">Upcoming sessions</h1>
      <QueryView query={scheduled} isEmpty={(list) => list.length === 0} empty={<Empty title="No upcoming sessions">Scheduled requests appear here.</Empty>}>
        {(list) =>
          byDay(list, zone).map(([day, sessions]) => (
            <div key={day} className="day-group">
              <h2>{day}</h2>
              <ul className="card-list">
                {sessions.map((session) => (
                  <li key={session.id} className="card session-row">
                    <span className="session-time">{timeOf.format(new Date(session.scheduled_datetime!))}</span>
                    <span className="session-who">
                      <strong>
                        {session.first_name} {session.last_name}
                      </strong>
                      <span className="muted small">
                        {session.scheduled_duration} minutes · {session.email}
                      </span>
                    </span>
                    <StatusBadge appointment={session} />
                    <JoinButton appointment={session} label="Join" />
                  </li>
                ))}
              </ul>
            </div>
          ))
        }
      </QueryView>
    </section>
  );
}

// A client's sessions and requests, newest first: when, state with attendance, the note (open or write it) and whether
// it is invoiced.
import { Link } from 'react-router-dom';
import type { Appointment, ClientRecord, NoteHeader } from '@shared/api-types';
import { DataTable } from '../../../components/DataTable';
import { StatusBadge } from '../../../components/StatusBadge';
import { Empty } from '../../../components/States';
import { formatDateTime, formatDay } from '../../../lib/practice-time';
import { invoicedSessions } from './billable';

export function sessionState(session: Appointment): string {
  if (session.status === 'cancelled') return session.late_cancellation ? 'Late cancellation' : 'Cancelled';
  if (session.attendance === 'attended') return 'Attended';
  if (session.attendance === 'no_show') return 'No-show';
  return '';
}

/** Only a session (scheduled, or cancelled after it was) has a note. */
export function canHaveNote(session: Appointment): boolean {
  return (session.status === 'scheduled' || session.status === 'cancelled') && session.scheduled_datetime !== null;
}

export function noteLabel(note: NoteHeader | undefined): string {
  if (!note) return 'Write note';
  return note.signed_at ? 'Open signed note' : 'Open draft note';
}

export function ClientSessions({ record, zone }: { record: ClientRecord; zone: string }) {
  const notes = new Map(record.notes.map((note) => [note.appointment, note]));
  const invoiced = invoicedSessions(record);
  const sessions = [...record.sessions].sort((a, b) =>
    (b.scheduled_datetime ?? b.created_at).localeCompare(a.scheduled_datetime ?? a.created_at),
  );
  if (sessions.length === 0) return <Empty title="No sessions yet" />;
  return (
    <DataTable columns={['When', 'State', 'Note', 'Invoice']}>
      {sessions.map((session) => {
        const note = notes.get(session.id);
        return (
          <tr key={session.id}>
            <td>
              {session.scheduled_datetime ? (
                <>
                  {formatDateTime(session.scheduled_datetime, zone)}
                  <br />
                  <span className="muted small">{session.scheduled_duration} minutes</span>
                </>
              ) : (
                <span className="small">Request for {session.preferred_dates.map((day) => formatDay(day)).join(', ')}</span>
              )}
            </td>
            <td>
              <StatusBadge appointment={session} />
              {sessionState(session) && <span className="small">{sessionState(session)}</span>}
            </td>
            <td className="small">
              {note
                ? note.signed_at
                  ? `${note.template.toUpperCase()} · signed ${formatDateTime(note.signed_at, zone)}`
                  : `${note.template.toUpperCase()} · draft`
                : 'No note'}
            </td>
            <td className="small">{invoiced.has(session.id) ? 'Invoiced' : 'Not invoiced'}</td>
            <td>
              <div className="actions">
                {canHaveNote(session) && (
                  <Link className="button secondary small" to={`/admin/notes/${session.id}`}>
                    {noteLabel(note)}
                    <span className="visually-hidden">
                      {' '}
                      of {session.scheduled_datetime ? formatDateTime(session.scheduled_datetime, zone) : 'the session'}
                    </span>
                  </Link>
                )}
              </div>
            </td>
          </tr>
        );
      })}
    </DataTable>
  );
}

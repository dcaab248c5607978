// The calendar file of a recurring series: one event per occurrence, each with its own session's UID (so each can
// later be moved or cancelled on its own), all in one METHOD:REQUEST file attached to the one confirmation mail.
import type { EventAttributes } from 'ics';
import type { AppointmentInstance } from '../db/models/appointment.js';
import type { MailAttachment } from '../mail/outbox.js';
import { icsLibrary } from './ics-library.js';
import { sessionUid } from './invite.js';

export async function seriesInvite(
  sessions: AppointmentInstance[],
  practiceName: string,
  organizerEmail: string,
  attendeeEmail: string,
): Promise<MailAttachment> {
  const events: EventAttributes[] = sessions.map((session) => ({
    uid: sessionUid(session.id),
    sequence: session.ics_sequence,
    start: session.scheduled_datetime!.getTime(),
    startInputType: 'utc',
    startOutputType: 'utc',
    duration: { minutes: session.scheduled_duration! },
    title: `Video session – ${practiceName}`,
    ...(session.jitsi_meet_url
      ? { description: `Join the video session: ${session.jitsi_meet_url}`, location: session.jitsi_meet_url, url: session.jitsi_meet_url }
      : {}),
    organizer: { name: practiceName, email: organizerEmail },
    attendees: [{ email: attendeeEmail, rsvp: false, partstat: 'ACCEPTED', role: 'REQ-PARTICIPANT' }],
    status: 'CONFIRMED',
    busyStatus: 'BUSY',
  }));
  const { createEvents } = await icsLibrary();
  const { error, value } = createEvents(events, { productId: 'practice-app/ics', method: 'REQUEST' });
  if (error || !value) throw error ?? new Error('The calendar invite could not be created');
  return { filename: 'sessions.ics', content: value, contentType: 'text/calendar; charset=utf-8; method=REQUEST' };
}

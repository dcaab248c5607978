// The calendar invite (.ics) attached to every mail about a session, made by the `ics` library rather than by hand.
// One session is one calendar event: the UID comes from the appointment id and every change raises SEQUENCE, so a
// calendar app updates (or removes) the event instead of adding a copy (RFC 5546 iTIP).
import { icsLibrary } from './ics-library.js';
import type { MailAttachment } from '../mail/outbox.js';

export type InviteMethod = 'REQUEST' | 'CANCEL';

export interface InviteDetails {
  appointmentId: string;
  start: Date;
  durationMinutes: number;
  meetingUrl: string | null;
  /** REQUEST: new or moved; CANCEL: the session is off. */
  method: InviteMethod;
  sequence: number;
  practiceName: string;
  /** The organizer's address (the practice's sender address); iTIP requires an organizer. */
  organizerEmail: string;
  attendeeEmail: string;
}

/** The UID of a session's calendar event: derived from its id, so it never changes. */
export function sessionUid(appointmentId: string): string {
  return `${appointmentId}@practice`;
}

export async function calendarInvite(details: InviteDetails): Promise<MailAttachment> {
  const cancelled = details.method === 'CANCEL';
  const { createEvent } = await icsLibrary();
  const { error, value } = createEvent({
    uid: sessionUid(details.appointmentId),
    method: details.method,
    sequence: details.sequence,
    productId: 'practice-app/ics',
    start: details.start.getTime(),
    startInputType: 'utc',
    startOutputType: 'utc',
    duration: { minutes: details.durationMinutes },
    title: `Video session – ${details.practiceName}`,
    ...(details.meetingUrl && !cancelled
      ? { description: `Join the video session: ${details.meetingUrl}`, location: details.meetingUrl, url: details.meetingUrl }
      : {}),
    organizer: { name: details.practiceName, email: details.organizerEmail },
    attendees: [{ email: details.attendeeEmail, rsvp: false, partstat: 'ACCEPTED', role: 'REQ-PARTICIPANT' }],
    status: cancelled ? 'CANCELLED' : 'CONFIRMED',
    busyStatus: 'BUSY',
  });
  if (error || !value) throw error ?? new Error('The calendar invite could not be created');
  return {
    filename: cancelled ? 'cancelled-session.ics' : 'session.ics',
    content: value,
    contentType: `text/calendar; charset=utf-8; method=${details.method}`,
  };
}

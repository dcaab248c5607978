// The calendar invite (.ics) attached to a confirmation mail, made by the `ics` library rather than by hand.
import { createEvent } from 'ics';
import type { MailAttachment } from '../mail/outbox.js';

export interface InviteDetails {
  appointmentId: string;
  start: Date;
  durationMinutes: number;
  meetingUrl: string;
}

export function calendarInvite(details: InviteDetails): MailAttachment {
  const { error, value } = createEvent({
    uid: `${details.appointmentId}@practice`,
    method: 'PUBLISH',
    productId: 'practice-app/ics',
    start: details.start.getTime(),
    startInputType: 'utc',
    startOutputType: 'utc',
    duration: { minutes: details.durationMinutes },
    title: 'Video session',
    description: `Join the video session: ${details.meetingUrl}`,
    location: details.meetingUrl,
    url: details.meetingUrl,
    status: 'CONFIRMED',
    busyStatus: 'BUSY',
  });
  if (error || !value) throw error ?? new Error('The calendar invite could not be created');
  return { filename: 'session.ics', content: value, contentType: 'text/calendar; charset=utf-8; method=PUBLISH' };
}

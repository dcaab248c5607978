// The mail telling a client a session is off: cancelled by the practice, replaced by a new time, or confirming their own cancellation.
import { renderMail, type MailContent } from './layout.js';

export interface MeetingCancelledDetails {
  firstName: string;
  /** The session's time in the practice zone; null for a request withdrawn before it had one. */
  when: string | null;
  byClient: boolean;
  /** The session gave way to a new time the client asked for. */
  replaced: boolean;
  lateCancellation: boolean;
  noticeHours: number;
  practiceName: string;
}

export function meetingCancelledMail(details: MeetingCancelledDetails): MailContent {
  if (details.when === null) {
    return renderMail({
      subject: 'Your appointment request is withdrawn',
      greeting: `Hello ${details.firstName},`,
      paragraphs: ['This confirms that you withdrew your appointment request. You are welcome to send a new one at any time.'],
      practiceName: details.practiceName,
    });
  }
  const calendar = 'The attached calendar update removes the session from your calendar.';
  if (details.replaced) {
    return renderMail({
      subject: `Your session on ${details.when} is replaced by its new time`,
      greeting: `Hello ${details.firstName},`,
      paragraphs: [`As you asked, your session on ${details.when} no longer takes place: a separate mail confirms its new time.`, calendar],
      practiceName: details.practiceName,
    });
  }
  return renderMail({
    subject: details.byClient ? `Your cancellation: session on ${details.when}` : `Your session on ${details.when} is cancelled`,
    greeting: `Hello ${details.firstName},`,
    paragraphs: [
      details.byClient
        ? `This confirms that you cancelled your session on ${details.when}.`
        : `Unfortunately ${details.practiceName} has to cancel your session on ${details.when}.`,
      ...(details.byClient && details.lateCancellation
        ? [`It was cancelled less than ${details.noticeHours} hours before its start, so it counts as a late cancellation.`]
        : []),
      `${calendar} You are welcome to request a new appointment in the app.`,
    ],
    practiceName: details.practiceName,
  });
}

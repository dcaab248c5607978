// The receipt a client gets for each request: it arrived, nothing is decided yet.
import { renderMail, type MailContent } from './layout.js';

export interface RequestReceivedDetails {
  firstName: string;
  /** A request to move an existing session (named by its time) rather than a new one. */
  moving: string | null;
  practiceName: string;
}

export function requestReceivedMail(details: RequestReceivedDetails): MailContent {
  return renderMail({
    subject: details.moving ? 'We received your request to move a session' : 'We received your appointment request',
    greeting: `Hello ${details.firstName},`,
    paragraphs: [
      details.moving
        ? `Thank you: your request to move your session on ${details.moving} has arrived. That session stays booked until a new time is confirmed.`
        : 'Thank you: your appointment request has arrived.',
      `${details.practiceName} will look at it and you will get another mail with the answer. Nothing is decided yet.`,
    ],
    practiceName: details.practiceName,
  });
}

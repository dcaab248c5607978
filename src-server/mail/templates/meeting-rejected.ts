// The answer a client receives when the therapist cannot take their request, with the reason when one was given.
import { renderMail, type MailContent } from './layout.js';

export interface MeetingRejectedDetails {
  firstName: string;
  reason: string | null;
  practiceName: string;
}

export function meetingRejectedMail(details: MeetingRejectedDetails): MailContent {
  return renderMail({
    subject: 'Your appointment request',
    greeting: `Hello ${details.firstName},`,
    paragraphs: [
      'Unfortunately your appointment request cannot be accepted.',
      ...(details.reason ? [`Reason: ${details.reason}`] : []),
      'You are welcome to send a new request for other dates.',
    ],
    practiceName: details.practiceName,
  });
}

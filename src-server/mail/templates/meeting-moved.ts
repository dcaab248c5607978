// The mail telling a client their session moved to a new time; its calendar update replaces the old event.
import { renderMail, type MailContent } from './layout.js';

export interface MeetingMovedDetails {
  firstName: string;
  previousWhen: string;
  when: string;
  durationMinutes: number;
  meetingUrl: string;
  practiceName: string;
}

export function meetingMovedMail(details: MeetingMovedDetails): MailContent {
  return renderMail({
    subject: `Your session moved to ${details.when}`,
    greeting: `Hello ${details.firstName},`,
    paragraphs: [
      `Your session on ${details.previousWhen} has moved to ${details.when} and lasts ${details.durationMinutes} minutes.`,
      'The video link stays the same. The attached calendar update moves the event in your calendar.',
    ],
    link: { url: details.meetingUrl, label: 'Join the video session' },
    practiceName: details.practiceName,
  });
}

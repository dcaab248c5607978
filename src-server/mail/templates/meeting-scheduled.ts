// The confirmation a client receives when the therapist schedules their request: time in the practice zone and the link.
import { renderMail, type MailContent } from './layout.js';

export interface MeetingScheduledDetails {
  firstName: string;
  /** Already worded in the practice zone, naming the zone. */
  when: string;
  durationMinutes: number;
  meetingUrl: string;
  practiceName: string;
}

export function meetingScheduledMail(details: MeetingScheduledDetails): MailContent {
  return renderMail({
    subject: 'Your appointment is scheduled',
    greeting: `Hello ${details.firstName},`,
    paragraphs: [
      `Your appointment is scheduled for ${details.when} and lasts ${details.durationMinutes} minutes.`,
      'It takes place as a video session in your browser; no account or app is needed. The room opens 10 minutes before the start.',
      'The attached calendar invite adds the session to your calendar.',
    ],
    link: { url: details.meetingUrl, label: 'Join the video session' },
    practiceName: details.practiceName,
  });
}

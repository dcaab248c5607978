// The one confirmation a client receives for a recurring series: every date (practice zone) and the link of the first.
import { renderMail, type MailContent } from './layout.js';

export interface MeetingSeriesDetails {
  firstName: string;
  /** Each occurrence already worded in the practice zone. */
  dates: string[];
  durationMinutes: number;
  meetingUrl: string;
  practiceName: string;
}

export function meetingSeriesScheduledMail(details: MeetingSeriesDetails): MailContent {
  return renderMail({
    subject: `Your ${details.dates.length} appointments are scheduled`,
    greeting: `Hello ${details.firstName},`,
    paragraphs: [
      `Your ${details.dates.length} appointments of ${details.durationMinutes} minutes each are scheduled:`,
      ...details.dates.map((when) => `• ${when}`),
      'Each takes place as a video session in your browser; no account or app is needed. The room opens 10 minutes before the start.',
      'The attached calendar file adds every session to your calendar.',
    ],
    link: { url: details.meetingUrl, label: 'Join the first video session' },
    practiceName: details.practiceName,
  });
}

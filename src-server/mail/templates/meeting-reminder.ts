// The reminder a client receives before a session: when, the join link and how to cancel; never the reason.
import { renderMail, type MailContent } from './layout.js';

export interface MeetingReminderDetails {
  firstName: string;
  when: string;
  durationMinutes: number;
  meetingUrl: string;
  noticeHours: number;
  practiceName: string;
}

export function meetingReminderMail(details: MeetingReminderDetails): MailContent {
  return renderMail({
    subject: `Reminder: your session on ${details.when}`,
    greeting: `Hello ${details.firstName},`,
    paragraphs: [
      `This is a reminder of your video session on ${details.when} (${details.durationMinutes} minutes). The room opens 10 minutes before the start.`,
      `If you cannot come, please cancel under "My appointments" in the app, where you can also ask to move the session. Cancelling less than ${details.noticeHours} hours before the start counts as a late cancellation.`,
    ],
    link: { url: details.meetingUrl, label: 'Join the video session' },
    practiceName: details.practiceName,
  });
}

// Mails to the practice's notification address (a new request, a client's cancellation): the client's first name only, never the reason or contact data.
import { renderMail, type MailContent } from './layout.js';

export type PracticeNotice =
  | { kind: 'new_request'; clientFirstName: string; moving: string | null }
  | { kind: 'client_cancelled'; clientFirstName: string; when: string; lateCancellation: boolean };

export function practiceNoticeMail(notice: PracticeNotice, practiceName: string): MailContent {
  const open = ['Open the app to see it.'];
  if (notice.kind === 'new_request') {
    return renderMail({
      subject: notice.moving
        ? `${notice.clientFirstName} asks to move a session`
        : `New appointment request from ${notice.clientFirstName}`,
      greeting: 'Hello,',
      paragraphs: [
        notice.moving
          ? `${notice.clientFirstName} asks to move the session on ${notice.moving}. A new request is waiting for your decision.`
          : `A new appointment request from ${notice.clientFirstName} is waiting for your decision.`,
        ...open,
      ],
      practiceName,
    });
  }
  return renderMail({
    subject: `${notice.clientFirstName} cancelled the session on ${notice.when}`,
    greeting: 'Hello,',
    paragraphs: [
      `${notice.clientFirstName} cancelled the session on ${notice.when}${notice.lateCancellation ? ' (a late cancellation, inside the notice period)' : ''}.`,
      ...open,
    ],
    practiceName,
  });
}

// What staff see of a mail in the outbox: recipient, subject and delivery state, never its body.
import type * as Api from '../../src-shared/api-types.js';
import type { OutboxMailInstance } from '../db/models/outbox-mail.js';
import { isoUtc } from '../http/timestamps.js';

export function presentMail(mail: OutboxMailInstance): Api.OutboxMail {
  return {
    id: mail.id,
    recipient: mail.recipient,
    subject: mail.subject,
    status: mail.status,
    attempts: mail.attempts,
    last_error: mail.last_error,
    created_at: isoUtc(mail.created_at),
    next_attempt_at: mail.status === 'queued' ? isoUtc(mail.next_attempt_at) : null,
    // A reminder waits for its moment: staff see when it will go out.
    not_before: mail.not_before ? isoUtc(mail.not_before) : null,
    sent_at: mail.sent_at ? isoUtc(mail.sent_at) : null,
  };
}

// Every mail about a session, queued in the transaction of its change: the client's confirmations with one calendar
// event per session (same UID, rising SEQUENCE), reminders planned as delayed outbox rows, and the practice's notices.
import type { Transaction } from 'sequelize';
import type { ServerCore } from '../core.js';
import type { AppointmentInstance } from '../db/models/appointment.js';
import type { UserInstance } from '../db/models/user.js';
import type { MailAttachment } from '../mail/outbox.js';
import type { MailContent } from '../mail/templates/layout.js';
import { meetingCancelledMail } from '../mail/templates/meeting-cancelled.js';
import { meetingMovedMail } from '../mail/templates/meeting-moved.js';
import { meetingRejectedMail } from '../mail/templates/meeting-rejected.js';
import { meetingReminderMail } from '../mail/templates/meeting-reminder.js';
import { requestReceivedMail } from '../mail/templates/meeting-request-received.js';
import { meetingScheduledMail } from '../mail/templates/meeting-scheduled.js';
import { meetingSeriesScheduledMail } from '../mail/templates/meeting-series-scheduled.js';
import { practiceNoticeMail, type PracticeNotice } from '../mail/templates/practice-notice.js';
import { calendarInvite, type InviteMethod } from './invite.js';
import { describeWithClientTime } from './client-time.js';
import { seriesInvite } from './series-invite.js';

const HOUR_MS = 3_600_000;

/** The settings every session mail needs, read once before the change's transaction. */
export interface SessionMailContext {
  zone: string;
  practiceName: string;
  noticeHours: number;
  reminderHours: number[];
  senderAddress: string;
}

/** The outbox reference of a session's reminders, so cancelling or moving it withdraws them. */
export function reminderReference(appointmentId: string): string {
  return `reminder:${appointmentId}`;
}

/** The greeting's name is the account's own, never a name typed into a booking (that may be someone else). */
function greetingName(owner: Pick<UserInstance, 'first_name'>): string {
  return owner.first_name.trim() || 'there';
}

export class SessionMail {
  constructor(private readonly core: ServerCore) {}

  async context(): Promise<SessionMailContext> {
    const settings = this.core.settings;
    const emailFrom = await settings.value('email_from');
    return {
      zone: await settings.timeZone(),
      practiceName: await settings.practiceName(),
      noticeHours: await settings.cancellationNoticeHours(),
      reminderHours: await settings.reminderHoursBefore(),
      senderAddress: /<([^>]+)>/.exec(emailFrom)?.[1] ?? emailFrom.trim(),
    };
  }

  /** The practice time, and the client's own beside it when their zone (set from their browser) differs. */
  describe(instant: Date, context: SessionMailContext, owner?: Pick<UserInstance, 'time_zone'>): string {
    return describeWithClientTime(instant, context.zone, owner?.time_zone ?? null);
  }

  /** A request arrived: a receipt to the client and a notice to the practice. */
  async requestReceived(
    appointment: AppointmentInstance,
    moving: AppointmentInstance | null,
    context: SessionMailContext,
    transaction: Transaction,
  ): Promise<void> {
    const owner = await this.owner(appointment, transaction);
    const movingWhen = moving?.scheduled_datetime ? this.describe(moving.scheduled_datetime, context) : null;
    await this.core.outbox.queue(
      {
        to: owner.email,
        ...requestReceivedMail({ firstName: greetingName(owner), moving: movingWhen, practiceName: context.practiceName }),
      },
      transaction,
    );
    await this.notifyPractice({ kind: 'new_request', clientFirstName: greetingName(owner), moving: movingWhen }, context, transaction);
  }

  async scheduled(appointment: AppointmentInstance, context: SessionMailContext, transaction: Transaction): Promise<void> {
    const owner = await this.owner(appointment, transaction);
    const mail = meetingScheduledMail({
      firstName: greetingName(owner),
      when: this.describe(appointment.scheduled_datetime!, context, owner),
      durationMinutes: appointment.scheduled_duration!,
      meetingUrl: appointment.jitsi_meet_url!,
      practiceName: context.practiceName,
    });
    await this.mailWithInvite(appointment, owner, mail, 'REQUEST', context, transaction);
    await this.planReminders(appointment, owner, context, transaction);
  }

  /** A recurring series: ONE mail listing every date, with one calendar file holding every occurrence (each its own UID). */
  async seriesScheduled(sessions: AppointmentInstance[], context: SessionMailContext, transaction: Transaction): Promise<void> {
    const owner = await this.owner(sessions[0], transaction);
    const mail = meetingSeriesScheduledMail({
      firstName: greetingName(owner),
      dates: sessions.map((session) => this.describe(session.scheduled_datetime!, context, owner)),
      durationMinutes: sessions[0].scheduled_duration!,
      meetingUrl: sessions[0].jitsi_meet_url!,
      practiceName: context.practiceName,
    });
    const invite = await seriesInvite(sessions, context.practiceName, context.senderAddress, owner.email);
    await this.core.outbox.queue({ to: owner.email, ...mail, attachments: [invite] }, transaction);
    for (const session of sessions) {
      await session.update({ ics_sequence: session.ics_sequence + 1 }, { transaction });
      await this.planReminders(session, owner, context, transaction);
    }
  }

  async moved(appointment: AppointmentInstance, previousStart: Date, context: SessionMailContext, transaction: Transaction): Promise<void> {
    const owner = await this.owner(appointment, transaction);
    const mail = meetingMovedMail({
      firstName: greetingName(owner),
      previousWhen: this.describe(previousStart, context, owner),
      when: this.describe(appointment.scheduled_datetime!, context, owner),
      durationMinutes: appointment.scheduled_duration!,
      meetingUrl: appointment.jitsi_meet_url!,
      practiceName: context.practiceName,
    });
    await this.core.outbox.withdraw(reminderReference(appointment.id), transaction);
    await this.mailWithInvite(appointment, owner, mail, 'REQUEST', context, transaction);
    await this.planReminders(appointment, owner, context, transaction);
  }

  /**
   * A session (or request) was cancelled: its reminders are withdrawn, the client is told (with a calendar
   * cancellation when it had been scheduled), and the practice hears of a client's own cancellation.
   * @param wasScheduled the session had a time (and so a calendar event) before the cancellation.
   */
  async cancelled(
    appointment: AppointmentInstance,
    wasScheduled: Date | null,
    context: SessionMailContext,
    transaction: Transaction,
  ): Promise<void> {
    await this.core.outbox.withdraw(reminderReference(appointment.id), transaction);
    const owner = await this.owner(appointment, transaction);
    const byClient = appointment.cancelled_by === 'client';
    const when = wasScheduled ? this.describe(wasScheduled, context) : null;
    const mail = meetingCancelledMail({
      firstName: greetingName(owner),
      when,
      byClient,
      replaced: appointment.cancelled_by === 'reschedule',
      lateCancellation: appointment.late_cancellation,
      noticeHours: context.noticeHours,
      practiceName: context.practiceName,
    });
    if (wasScheduled) await this.mailWithInvite(appointment, owner, mail, 'CANCEL', context, transaction);
    else await this.core.outbox.queue({ to: owner.email, ...mail }, transaction);
    if (byClient) {
      await this.notifyPractice(
        {
          kind: 'client_cancelled',
          clientFirstName: greetingName(owner),
          when: when ?? 'a pending request',
          lateCancellation: appointment.late_cancellation,
        },
        context,
        transaction,
      );
    }
  }

  async rejected(
    appointment: AppointmentInstance,
    reason: string | null,
    context: SessionMailContext,
    transaction: Transaction,
  ): Promise<void> {
    const owner = await this.owner(appointment, transaction);
    await this.core.outbox.queue(
      { to: owner.email, ...meetingRejectedMail({ firstName: greetingName(owner), reason, practiceName: context.practiceName }) },
      transaction,
    );
  }

  /** One reminder per configured hour whose moment is still ahead; each expires at the session's start. */
  private async planReminders(
    appointment: AppointmentInstance,
    owner: UserInstance,
    context: SessionMailContext,
    transaction: Transaction,
  ): Promise<void> {
    const start = appointment.scheduled_datetime!;
    const now = this.core.clock.now().getTime();
    for (const hours of context.reminderHours) {
      const at = new Date(start.getTime() - hours * HOUR_MS);
      if (at.getTime() <= now) continue;
      const mail = meetingReminderMail({
        firstName: greetingName(owner),
        when: this.describe(start, context, owner),
        durationMinutes: appointment.scheduled_duration!,
        meetingUrl: appointment.jitsi_meet_url!,
        noticeHours: context.noticeHours,
        practiceName: context.practiceName,
      });
      await this.core.outbox.queue({ to: owner.email, ...mail }, transaction, {
        notBefore: at,
        notAfter: start,
        reference: reminderReference(appointment.id),
      });
    }
  }

  /** Mails the owner with the session's calendar event; each such mail raises the event's SEQUENCE. */
  private async mailWithInvite(
    appointment: AppointmentInstance,
    owner: UserInstance,
    content: MailContent,
    method: InviteMethod,
    context: SessionMailContext,
    transaction: Transaction,
  ): Promise<void> {
    const invite: MailAttachment = await calendarInvite({
      appointmentId: appointment.id,
      start: appointment.scheduled_datetime!,
      durationMinutes: appointment.scheduled_duration!,
      meetingUrl: appointment.jitsi_meet_url,
      method,
      sequence: appointment.ics_sequence,
      practiceName: context.practiceName,
      organizerEmail: context.senderAddress,
      attendeeEmail: owner.email,
    });
    await appointment.update({ ics_sequence: appointment.ics_sequence + 1 }, { transaction });
    await this.core.outbox.queue({ to: owner.email, ...content, attachments: [invite] }, transaction);
  }

  /** To notify_email, else the first staff account's address. */
  private async notifyPractice(notice: PracticeNotice, context: SessionMailContext, transaction: Transaction): Promise<void> {
    const address = (await this.core.settings.get('notify_email')) ?? (await this.firstStaffAddress(transaction));
    if (!address) return;
    await this.core.outbox.queue({ to: address, ...practiceNoticeMail(notice, context.practiceName) }, transaction);
  }

  private async firstStaffAddress(transaction: Transaction): Promise<string | null> {
    const staff = await this.core.db.models.User.findOne({
      attributes: ['id', 'email'],
      where: { is_staff: true, is_active: true },
      order: [
        ['date_joined', 'ASC'],
        ['id', 'ASC'],
      ],
      transaction,
    });
    return staff?.email ?? null;
  }

  /** The owner exists: deleting a user deletes their appointments (ON DELETE CASCADE). */
  private owner(appointment: AppointmentInstance, transaction: Transaction): Promise<UserInstance> {
    return this.core.db.models.User.findByPk(appointment.user_id, {
      attributes: ['id', 'email', 'first_name', 'time_zone'],
      rejectOnEmpty: true,
      transaction,
    });
  }
}

// A scheduled session's life after scheduling: cancel, reschedule, a client's request to move it, attendance, and
// blocking a date that has sessions. Each change is one write transaction together with its mails.
import { DateTime } from 'luxon';
import { Op, type Transaction } from 'sequelize';
import { recordAudit } from '../audit/audit-log.js';
import type { ServerCore } from '../core.js';
import type { Attendance, AppointmentInstance } from '../db/models/appointment.js';
import type { BlockedDateInstance } from '../db/models/blocked-date.js';
import { ApiError, Conflict, NotFound, PermissionDenied } from '../http/errors.js';
import type { Principal } from '../http/route-table.js';
import type { Appointments, AppointmentRequest } from './appointments.js';
import { Availability } from './availability.js';
import { SessionSeries, type Repeat } from './series.js';
import { SessionMail, type SessionMailContext } from './session-mail.js';
import { assertNotBlocked, assertTimeFree, parseFutureTime } from './session-timing.js';

const HOUR_MS = 3_600_000;

export interface RescheduleRequest {
  scheduledDatetime: string;
  /** Keeps the session's length when absent. */
  durationMinutes?: number;
  allowBlockedDate: boolean;
  /** Move the session and book its repeats after it (a series), all or nothing. */
  repeat?: Repeat;
}

/** What blocking a date does with the sessions already on it. */
export type ExistingSessionsChoice = 'keep' | 'cancel' | undefined;

export class SessionLifecycle {
  private readonly mail: SessionMail;
  private readonly availability: Availability;
  private readonly series: SessionSeries;

  constructor(
    private readonly core: ServerCore,
    private readonly appointments: Appointments,
  ) {
    this.mail = new SessionMail(core);
    this.availability = new Availability(core);
    this.series = new SessionSeries(core, appointments);
  }

  /**
   * The owner (or staff) cancels a request or a session that has not started. A client inside the notice window
   * still may, but the session is marked as a late cancellation.
   */
  async cancel(caller: Principal, id: string, reason: string | null, scope: 'one' | 'following' = 'one'): Promise<AppointmentInstance> {
    const context = await this.mail.context();
    return this.core.db.write(async (transaction) => {
      const appointment = await this.visible(caller, id, transaction);
      const from = appointment.scheduled_datetime;
      await this.cancelInTransaction(appointment, caller.isStaff ? 'staff' : 'client', reason, context, transaction);
      await recordAudit(this.core, transaction, {
        actor: caller.id,
        action: 'appointment.cancel',
        record_type: 'appointment',
        record_id: appointment.id,
      });
      // "This and following" of a series: every later scheduled session of the same series, in the same transaction.
      if (scope === 'following' && appointment.series_id && from) {
        const later = await this.core.db.models.Appointment.findAll({
          where: { series_id: appointment.series_id, status: 'scheduled', scheduled_datetime: { [Op.gt]: from } },
          order: [['scheduled_datetime', 'ASC']],
          transaction,
        });
        for (const session of later) {
          await this.cancelInTransaction(session, caller.isStaff ? 'staff' : 'client', reason, context, transaction);
          await recordAudit(this.core, transaction, {
            actor: caller.id,
            action: 'appointment.cancel',
            record_type: 'appointment',
            record_id: session.id,
          });
        }
      }
      return appointment;
    });
  }

  /** Staff move a future session: the same rules as scheduling, the same Jitsi room, reminders re-planned. */
  async reschedule(id: string, request: RescheduleRequest, actorId: string): Promise<AppointmentInstance> {
    if (request.repeat) return this.series.reschedule(id, { ...request, repeat: request.repeat }, actorId);
    const context = await this.mail.context();
    const start = parseFutureTime(request.scheduledDatetime, context.zone, this.core.clock.now());
    return this.core.db.write(async (transaction) => {
      const session = await this.core.db.models.Appointment.findByPk(id, { transaction });
      if (!session) throw new NotFound();
      this.assertAhead(session);
      const duration = request.durationMinutes ?? session.scheduled_duration!;
      const end = new Date(start.getTime() + duration * 60_000);
      await assertNotBlocked(this.core, start, context.zone, request.allowBlockedDate, transaction);
      await assertTimeFree(this.core, start, end, session.id, context.zone, transaction);
      const previousStart = session.scheduled_datetime!;
      await session.update(
        { scheduled_datetime: start, scheduled_end: end, scheduled_duration: duration, updated_at: this.core.clock.now() },
        { transaction },
      );
      await this.mail.moved(session, previousStart, context, transaction);
      await recordAudit(this.core, transaction, {
        actor: actorId,
        action: 'appointment.reschedule',
        record_type: 'appointment',
        record_id: session.id,
      });
      return session;
    });
  }

  /**
   * The owner asks to move a session that has not started: a new pending request pointing at it. The session stays
   * booked until staff schedule the new request (which then replaces it); one open request per session.
   */
  async requestReschedule(caller: Principal, id: string, request: Omit<AppointmentRequest, 'rescheduleOf'>): Promise<AppointmentInstance> {
    const session = await this.core.db.models.Appointment.findByPk(id);
    if (!session || (session.user_id !== caller.id && !caller.isStaff)) throw new NotFound();
    if (session.user_id !== caller.id) throw new PermissionDenied('Only the client whose session it is can ask to move it.');
    this.assertAhead(session);
    return this.appointments.create(caller.id, { ...request, rescheduleOf: session });
  }

  /** Staff record (or correct) whether the client came; only once the session has started. */
  async recordAttendance(id: string, attendance: Attendance, actorId: string): Promise<AppointmentInstance> {
    return this.core.db.write(async (transaction) => {
      const session = await this.core.db.models.Appointment.findByPk(id, { transaction });
      if (!session) throw new NotFound();
      if (session.status !== 'scheduled') {
        throw new Conflict(`Attendance is recorded for scheduled sessions; this one is ${session.status}.`, 'invalid_status');
      }
      if (session.scheduled_datetime!.getTime() > this.core.clock.now().getTime()) {
        throw new Conflict('This session has not started yet.', 'not_started');
      }
      await session.update({ attendance, updated_at: this.core.clock.now() }, { transaction });
      await recordAudit(this.core, transaction, {
        actor: actorId,
        action: 'appointment.attendance',
        record_type: 'appointment',
        record_id: session.id,
      });
      return session;
    });
  }

  /**
   * Blocks a date. Scheduled sessions on it make this a 409 `sessions_on_date` listing them, unless the caller
   * chose to keep them or to cancel them (as staff, with the client's mails), all in one transaction.
   */
  async blockDate(day: string, note: string | null, onExisting: ExistingSessionsChoice, actorId: string): Promise<BlockedDateInstance> {
    const context = await this.mail.context();
    const dayStart = DateTime.fromISO(day, { zone: context.zone }).startOf('day');
    return this.core.db.write(async (transaction) => {
      const sessions = await this.core.db.models.Appointment.findAll({
        where: {
          status: 'scheduled',
          scheduled_datetime: { [Op.gte]: dayStart.toJSDate(), [Op.lt]: dayStart.plus({ days: 1 }).toJSDate() },
        },
        order: [['scheduled_datetime', 'ASC']],
        transaction,
      });
      const ahead = sessions.filter((session) => session.scheduled_datetime!.getTime() > this.core.clock.now().getTime());
      if (ahead.length > 0 && !onExisting) {
        throw new ApiError(409, {
          detail: `${ahead.length === 1 ? 'A session is' : `${ahead.length} sessions are`} scheduled on ${day}: keep or cancel ${ahead.length === 1 ? 'it' : 'them'} (on_existing_sessions).`,
          code: 'sessions_on_date',
          sessions: ahead.map((session) => session.id),
        });
      }
      const blocked = await this.availability.block(day, note, transaction);
      if (onExisting === 'cancel') {
        for (const session of ahead) {
          await this.cancelInTransaction(session, 'staff', null, context, transaction);
          await recordAudit(this.core, transaction, {
            actor: actorId,
            action: 'appointment.cancel',
            record_type: 'appointment',
            record_id: session.id,
          });
        }
      }
      return blocked;
    });
  }

  private async cancelInTransaction(
    appointment: AppointmentInstance,
    by: 'client' | 'staff',
    reason: string | null,
    context: SessionMailContext,
    transaction: Transaction,
  ): Promise<void> {
    const now = this.core.clock.now();
    let lateCancellation = false;
    if (appointment.status === 'scheduled') {
      const start = appointment.scheduled_datetime!;
      if (start.getTime() <= now.getTime())
        throw new Conflict('This session has already started and can no longer be cancelled.', 'already_started');
      lateCancellation = by === 'client' && start.getTime() - now.getTime() < context.noticeHours * HOUR_MS;
    } else if (appointment.status !== 'pending_review') {
      throw new Conflict(
        `Only a pending request or a scheduled session can be cancelled; this one is ${appointment.status}.`,
        'invalid_status',
      );
    }
    const wasScheduled = appointment.status === 'scheduled' ? appointment.scheduled_datetime : null;
    await appointment.update(
      {
        status: 'cancelled',
        cancelled_at: now,
        cancelled_by: by,
        cancellation_reason: reason,
        late_cancellation: lateCancellation,
        updated_at: now,
      },
      { transaction },
    );
    await this.mail.cancelled(appointment, wasScheduled, context, transaction);
  }

  /** A session that is scheduled and has not started (409 `invalid_status` / `already_started` otherwise). */
  private assertAhead(session: AppointmentInstance): void {
    if (session.status !== 'scheduled') {
      throw new Conflict(`Only a scheduled session can be moved; this one is ${session.status}.`, 'invalid_status');
    }
    if (session.scheduled_datetime!.getTime() <= this.core.clock.now().getTime()) {
      throw new Conflict('This session has already started and can no longer be moved.', 'already_started');
    }
  }

  /** Another user's appointment is not found: its existence is nobody else's business. */
  private async visible(caller: Principal, id: string, transaction: Transaction): Promise<AppointmentInstance> {
    const appointment = await this.core.db.models.Appointment.findByPk(id, { transaction });
    if (!appointment || (!caller.isStaff && appointment.user_id !== caller.id)) throw new NotFound();
    return appointment;
  }
}

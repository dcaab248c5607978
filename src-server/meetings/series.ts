// Recurring sessions: schedule/ with repeat {every_weeks, count} books the whole series in one transaction or nothing
// (409 time_conflict listing every clashing start); each occurrence is its own appointment sharing a series_id, at the
// same local time (DST-safe), with its own Jitsi room; the client gets ONE mail listing the dates.
import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { Op, type Transaction } from 'sequelize';
import { recordAudit } from '../audit/audit-log.js';
import type { ServerCore } from '../core.js';
import type { AppointmentInstance } from '../db/models/appointment.js';
import { ApiError, Conflict, NotFound, ValidationError } from '../http/errors.js';
import type { Appointments } from './appointments.js';
import { Availability } from './availability.js';
import { newJitsiRoom } from './jitsi.js';
import { practiceDay } from './practice-time.js';
import { reminderReference, SessionMail } from './session-mail.js';
import { parseFutureTime } from './session-timing.js';

const MINUTE_MS = 60_000;

export interface Repeat {
  every_weeks: 1 | 2 | 4;
  count: number;
}

export interface SeriesRequest {
  scheduledDatetime?: string;
  durationMinutes?: number;
  allowBlockedDate: boolean;
  repeat: Repeat;
}

/** The starts of a series: the same wall-clock time in the practice zone every `every_weeks` weeks. */
export function seriesStarts(first: Date, repeat: Repeat, zone: string): Date[] {
  const local = DateTime.fromJSDate(first, { zone });
  return Array.from({ length: repeat.count }, (_, index) => local.plus({ weeks: index * repeat.every_weeks }).toJSDate());
}

export class SessionSeries {
  private readonly mail: SessionMail;
  private readonly availability: Availability;

  constructor(
    private readonly core: ServerCore,
    private readonly appointments: Appointments,
  ) {
    this.mail = new SessionMail(core);
    this.availability = new Availability(core);
  }

  /** Schedules pending request `id` and its repeats, all or nothing. */
  async schedule(id: string, request: SeriesRequest, actorId: string): Promise<AppointmentInstance> {
    const context = await this.mail.context();
    const now = this.core.clock.now();
    const typedStart = request.scheduledDatetime ? parseFutureTime(request.scheduledDatetime, context.zone, now) : null;
    const domain = await this.core.settings.value('jitsi_domain');
    return this.core.db.write(async (transaction) => {
      const first = await this.core.db.models.Appointment.findByPk(id, { transaction });
      if (!first) throw new NotFound();
      if (first.status !== 'pending_review')
        throw new Conflict(`Only a request pending review can be decided; this one is ${first.status}.`, 'invalid_status');
      const start = typedStart ?? first.requested_start;
      if (!start) throw ValidationError.field('scheduled_datetime', 'This field is required (the request has no requested start).');
      if (start.getTime() <= now.getTime()) throw ValidationError.field('scheduled_datetime', 'The time must be in the future.');
      const minutes = request.durationMinutes ?? (typedStart ? 60 : (await this.availability.weekly(transaction)).sessionMinutes);
      const starts = seriesStarts(start, request.repeat, context.zone);
      const clashes = await this.clashes(starts, minutes, first, request.allowBlockedDate, context.zone, transaction);
      if (clashes.length > 0) {
        throw new ApiError(409, {
          detail: `${clashes.length} of the ${starts.length} sessions clash with other sessions, held slots or blocked dates; nothing was scheduled.`,
          code: 'time_conflict',
          conflicts: clashes.map((clash) => clash.toISOString()),
        });
      }
      const seriesId = randomUUID();
      const end = (at: Date) => new Date(at.getTime() + minutes * MINUTE_MS);
      const sessions = [
        await this.appointments.scheduleInTransaction(
          first,
          starts[0],
          end(starts[0]),
          newJitsiRoom(domain),
          context,
          actorId,
          transaction,
          { seriesId, mail: false },
        ),
      ];
      sessions.push(...(await this.createOccurrences(first, starts.slice(1), minutes, seriesId, domain, context.zone, transaction)));
      await this.mail.seriesScheduled(sessions, context, transaction);
      return sessions[0];
    });
  }

  /**
   * Moves scheduled session `id` to a new start and books its repeats after it, all or nothing: the session keeps its
   * UID and room (its old reminders are withdrawn), the new ones share its series; one mail lists every date.
   */
  async reschedule(
    id: string,
    request: Omit<SeriesRequest, 'scheduledDatetime'> & { scheduledDatetime: string },
    actorId: string,
  ): Promise<AppointmentInstance> {
    const context = await this.mail.context();
    const now = this.core.clock.now();
    const start = parseFutureTime(request.scheduledDatetime, context.zone, now);
    const domain = await this.core.settings.value('jitsi_domain');
    return this.core.db.write(async (transaction) => {
      const session = await this.core.db.models.Appointment.findByPk(id, { transaction });
      if (!session) throw new NotFound();
      if (session.status !== 'scheduled')
        throw new Conflict(`Only a scheduled session can be moved; this one is ${session.status}.`, 'invalid_status');
      if (session.scheduled_datetime!.getTime() <= now.getTime())
        throw new Conflict('This session has already started and can no longer be moved.', 'already_started');
      const minutes = request.durationMinutes ?? session.scheduled_duration!;
      const starts = seriesStarts(start, request.repeat, context.zone);
      const clashes = await this.clashes(starts, minutes, session, request.allowBlockedDate, context.zone, transaction);
      if (clashes.length > 0) {
        throw new ApiError(409, {
          detail: `${clashes.length} of the ${starts.length} sessions clash with other sessions, held slots or blocked dates; nothing was changed.`,
          code: 'time_conflict',
          conflicts: clashes.map((clash) => clash.toISOString()),
        });
      }
      const seriesId = session.series_id ?? randomUUID();
      await this.core.outbox.withdraw(reminderReference(session.id), transaction);
      await session.update(
        {
          scheduled_datetime: start,
          scheduled_end: new Date(start.getTime() + minutes * MINUTE_MS),
          scheduled_duration: minutes,
          series_id: seriesId,
          updated_at: now,
        },
        { transaction },
      );
      const sessions = [
        session,
        ...(await this.createOccurrences(session, starts.slice(1), minutes, seriesId, domain, context.zone, transaction)),
      ];
      await this.mail.seriesScheduled(sessions, context, transaction);
      await recordAudit(this.core, transaction, {
        actor: actorId,
        action: 'appointment.reschedule',
        record_type: 'appointment',
        record_id: session.id,
      });
      return session;
    });
  }

  /** The later sessions of a series: copies of `first` (its owner and contact) at `starts`, each with its own room. */
  private async createOccurrences(
    first: AppointmentInstance,
    starts: Date[],
    minutes: number,
    seriesId: string,
    domain: string,
    zone: string,
    transaction: Transaction,
  ): Promise<AppointmentInstance[]> {
    const created: AppointmentInstance[] = [];
    const now = this.core.clock.now();
    for (const at of starts) {
      const room = newJitsiRoom(domain);
      created.push(
        await this.core.db.models.Appointment.create(
          {
            user_id: first.user_id,
            first_name: first.first_name,
            last_name: first.last_name,
            email: first.email,
            email_index: first.email_index,
            phone: first.phone,
            reason: first.reason,
            preferred_dates: [practiceDay(at, zone).toISODate()!],
            preferred_time_slots: first.preferred_time_slots,
            status: 'scheduled',
            scheduled_datetime: at,
            scheduled_end: new Date(at.getTime() + minutes * MINUTE_MS),
            scheduled_duration: minutes,
            jitsi_room_id: room.roomId,
            jitsi_meet_url: room.url,
            series_id: seriesId,
            decided_at: now,
            created_at: now,
            updated_at: now,
          },
          { transaction },
        ),
      );
    }
    return created;
  }

  /** The starts that overlap a scheduled session (other than the one this request replaces), another request's held slot, or a blocked date. */
  private async clashes(
    starts: Date[],
    minutes: number,
    request: AppointmentInstance,
    allowBlocked: boolean,
    zone: string,
    transaction: Transaction,
  ): Promise<Date[]> {
    const { Appointment, BlockedDate } = this.core.db.models;
    const sessionMinutes = (await this.availability.weekly(transaction)).sessionMinutes;
    const first = starts[0];
    const last = new Date(starts.at(-1)!.getTime() + minutes * MINUTE_MS);
    const [busy, blocked] = await Promise.all([
      Appointment.findAll({
        attributes: ['id', 'status', 'scheduled_datetime', 'scheduled_end', 'held_start'],
        where: {
          id: { [Op.notIn]: [request.id, ...(request.reschedule_of ? [request.reschedule_of] : [])] },
          [Op.or]: [
            { status: 'scheduled', scheduled_end: { [Op.gt]: first }, scheduled_datetime: { [Op.lt]: last } },
            { held_start: { [Op.gt]: new Date(first.getTime() - sessionMinutes * MINUTE_MS), [Op.lt]: last } },
          ],
        },
        transaction,
      }),
      allowBlocked
        ? Promise.resolve([])
        : BlockedDate.findAll({
            attributes: ['day'],
            where: { day: { [Op.in]: starts.map((at) => practiceDay(at, zone).toISODate()!) } },
            transaction,
          }),
    ]);
    const blockedDays = new Set(blocked.map((row) => row.day));
    const spans = busy.map((row) =>
      row.status === 'scheduled'
        ? [row.scheduled_datetime!.getTime(), row.scheduled_end!.getTime()]
        : [row.held_start!.getTime(), row.held_start!.getTime() + sessionMinutes * MINUTE_MS],
    );
    return starts.filter((at) => {
      const from = at.getTime();
      const to = from + minutes * MINUTE_MS;
      return blockedDays.has(practiceDay(at, zone).toISODate()!) || spans.some(([spanStart, spanEnd]) => spanStart < to && spanEnd > from);
    });
  }
}

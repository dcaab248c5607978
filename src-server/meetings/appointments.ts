// Appointment requests: create, list, read, schedule and reject; each rule and its transaction lives here.
import { DateTime } from 'luxon';
import { QueryTypes, UniqueConstraintError, type Transaction } from 'sequelize';
import { recordAudit } from '../audit/audit-log.js';
import type { ServerCore } from '../core.js';
import {
  APPOINTMENT_EMAIL_INDEX,
  type AppointmentAttributes,
  type AppointmentInstance,
  type AppointmentStatus,
  type TimeSlot,
} from '../db/models/appointment.js';
import { plainRows, quotedTable } from '../db/plain-rows.js';
import { Conflict, NotFound, ValidationError } from '../http/errors.js';
import type { Principal } from '../http/route-table.js';
import { Availability } from './availability.js';
import { newJitsiRoom } from './jitsi.js';
import { SessionMail, type SessionMailContext } from './session-mail.js';
import { Slots } from './slots.js';
import { assertNotHeldByAnother } from './holds.js';
import { assertNotBlocked, assertTimeFree, parseFutureTime } from './session-timing.js';

export interface AppointmentRequest {
  firstName: string;
  lastName: string;
  email: string;
  phone: string | null;
  reason: string | null;
  /** May be empty with a requested start: then derived from it. */
  preferredDates: string[];
  preferredTimeSlots: TimeSlot[];
  /** ISO 8601: a free slot (available-slots/) the request holds while pending. */
  requestedStart?: string | null;
  /** The scheduled session this request asks to move (request-reschedule/). */
  rescheduleOf?: AppointmentInstance | null;
}

export interface AppointmentQuery {
  /** Only the caller's own appointments, even for staff. */
  ownOnly: boolean;
  status?: AppointmentStatus;
  /** The contact email typed into the request, matched through its blind index. */
  email?: string;
  offset: number;
  limit: number;
}

export interface ScheduleRequest {
  /** ISO 8601; without an offset it is a time in the practice zone. Absent: the request's requested start. */
  scheduledDatetime?: string;
  /** Absent: 60 minutes, or the practice's session length for a requested start. */
  durationMinutes?: number;
  /** Staff may book a blocked date on purpose. */
  allowBlockedDate: boolean;
}

const DEFAULT_DURATION_MINUTES = 60;

/** The seed's time of day of a local start: before noon morning, before 17:00 afternoon, else evening. */
function timeSlotOf(start: Date, zone: string): TimeSlot {
  const hour = DateTime.fromJSDate(start, { zone }).hour;
  return hour < 12 ? 'morning' : hour < 17 ? 'afternoon' : 'evening';
}

/** The requested start as an instant (an ISO time without an offset is in the practice zone). */
function parseRequestedStart(value: string, zone: string): Date {
  const parsed = DateTime.fromISO(value, { zone });
  if (!parsed.isValid)
    throw ValidationError.field(
      'requested_start',
      'Datetime has wrong format. Use one of these formats instead: YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z].',
    );
  return parsed.toJSDate();
}

const SLOT_TAKEN = 'This time is not free (any more): pick another one from the available slots.';

export class Appointments {
  private readonly availability: Availability;
  private readonly mail: SessionMail;

  constructor(private readonly core: ServerCore) {
    this.availability = new Availability(core);
    this.mail = new SessionMail(core);
  }

  /**
   * A request of `ownerId`; every preferred date must be requestable right now. The dates are checked inside the
   * write transaction, so a date blocked while the request was on its way is refused, not booked. A requested start
   * must be a free slot inside the same transaction; the request then holds it (a unique index on the held start
   * makes the database refuse a second hold), and with auto_confirm it is scheduled at once.
   */
  async create(ownerId: string, request: AppointmentRequest): Promise<AppointmentInstance> {
    const context = await this.mail.context();
    const requestedStart = request.requestedStart ? parseRequestedStart(request.requestedStart, context.zone) : null;
    const room = requestedStart ? newJitsiRoom(await this.core.settings.value('jitsi_domain')) : null;
    const autoConfirm = requestedStart ? await this.core.settings.flag('auto_confirm') : false;
    try {
      return await this.core.db.write(async (transaction) => {
        const created = await this.createInTransaction(ownerId, request, requestedStart, context, transaction);
        if (!requestedStart || !room || !autoConfirm) return created;
        const weekly = await this.availability.weekly(transaction);
        const end = new Date(requestedStart.getTime() + weekly.sessionMinutes * 60_000);
        return this.scheduleInTransaction(created, requestedStart, end, room, context, ownerId, transaction);
      });
    } catch (error) {
      if (error instanceof UniqueConstraintError) throw ValidationError.field('requested_start', SLOT_TAKEN);
      throw error;
    }
  }

  private async createInTransaction(
    ownerId: string,
    request: AppointmentRequest,
    requestedStart: Date | null,
    context: SessionMailContext,
    transaction: Transaction,
  ): Promise<AppointmentInstance> {
    const { Appointment } = this.core.db.models;
    const limit = this.core.config.maxPendingRequests;
    let preferredDates = request.preferredDates;
    let preferredTimeSlots = request.preferredTimeSlots;
    if (requestedStart) {
      const slot = await Slots.of(this.core).isFree(requestedStart, transaction);
      if (!slot) throw ValidationError.field('requested_start', SLOT_TAKEN);
      if (preferredDates.length === 0) preferredDates = [slot.date];
      if (preferredTimeSlots.length === 0) preferredTimeSlots = [timeSlotOf(requestedStart, context.zone)];
    }
    const available = new Set(await this.availability.availableDates(transaction));
    const unavailable = (requestedStart ? request.preferredDates : preferredDates).filter((day) => !available.has(day));
    if (unavailable.length > 0) {
      throw new ValidationError({ preferred_dates: unavailable.map((day) => `${day} is not an available date.`) });
    }
    if (request.rescheduleOf) {
      const open = await Appointment.count({ where: { reschedule_of: request.rescheduleOf.id, status: 'pending_review' }, transaction });
      if (open > 0) {
        throw new ValidationError({ non_field_errors: ['A request to move this session is already waiting for an answer.'] });
      }
    }
    const pending = await Appointment.count({ where: { user_id: ownerId, status: 'pending_review' }, transaction });
    if (pending >= limit) {
      throw new ValidationError({
        non_field_errors: [
          `You already have ${pending} requests waiting for an answer (at most ${limit}). Please wait for the therapist's reply.`,
        ],
      });
    }
    const now = this.core.clock.now();
    const created = await Appointment.create(
      {
        user_id: ownerId,
        first_name: request.firstName,
        last_name: request.lastName,
        email: request.email,
        email_index: this.core.blindIndex.of(request.email, APPOINTMENT_EMAIL_INDEX),
        phone: request.phone,
        reason: request.reason,
        preferred_dates: preferredDates,
        preferred_time_slots: preferredTimeSlots,
        requested_start: requestedStart,
        status: 'pending_review',
        reschedule_of: request.rescheduleOf?.id ?? null,
        created_at: now,
        updated_at: now,
      },
      { transaction },
    );
    await this.mail.requestReceived(created, request.rescheduleOf ?? null, context, transaction);
    return created;
  }

  /** Newest first. Staff see every request, a user only their own. */
  /**
   * One page of requests and their total, read straight into plain objects (no model instances: the hottest read
   * of the app, see bench/).
   */
  async list(caller: Principal, query: AppointmentQuery): Promise<{ count: number; rows: AppointmentAttributes[] }> {
    const { sequelize, models } = this.core.db;
    const conditions: string[] = [];
    const replacements: Record<string, unknown> = { limit: query.limit, offset: query.offset };
    if (!caller.isStaff || query.ownOnly) {
      conditions.push('user_id = :userId');
      replacements.userId = caller.id;
    }
    if (query.status) {
      conditions.push('status = :status');
      replacements.status = query.status;
    }
    if (query.email) {
      conditions.push('email_index = :emailIndex');
      replacements.emailIndex = this.core.blindIndex.of(query.email, APPOINTMENT_EMAIL_INDEX);
    }
    const table = quotedTable(sequelize, models.Appointment);
    const where = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
    // Two statements, each answered from an index: a window count would read every matching row in full first.
    const [counted] = await sequelize.query<{ total: number | string }>(`SELECT COUNT(*) AS total FROM ${table} ${where}`, {
      type: QueryTypes.SELECT,
      replacements,
    });
    const { rows } = await plainRows<AppointmentAttributes>(
      sequelize,
      models.Appointment,
      `SELECT * FROM ${table} ${where} ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset`,
      replacements,
    );
    return { count: Number(counted.total), rows };
  }

  /** Another user's appointment is not found: its existence is nobody else's business. */
  async get(caller: Principal, id: string): Promise<AppointmentInstance> {
    const appointment = await this.core.db.models.Appointment.findByPk(id);
    if (!appointment || (!caller.isStaff && appointment.user_id !== caller.id)) throw new NotFound();
    return appointment;
  }

  /** A scheduled appointment of the caller (or any, for staff): only those have a meeting. */
  async scheduledMeeting(caller: Principal, id: string): Promise<AppointmentInstance> {
    const appointment = await this.get(caller, id);
    if (appointment.status !== 'scheduled')
      throw new Conflict(`This appointment is ${appointment.status}, so it has no meeting.`, 'invalid_status');
    return appointment;
  }

  /**
   * Schedules a pending request. The overlap check and the write share one serialised transaction,
   * so two staff sessions racing for the same hour cannot both win. A request to move a session replaces it:
   * the old session is cancelled (`cancelled_by: "reschedule"`) in the same transaction.
   */
  async schedule(id: string, request: ScheduleRequest, actorId: string): Promise<AppointmentInstance> {
    const context = await this.mail.context();
    const now = this.core.clock.now();
    const typedStart = request.scheduledDatetime ? parseFutureTime(request.scheduledDatetime, context.zone, now) : null;
    const room = newJitsiRoom(await this.core.settings.value('jitsi_domain'));
    return this.core.db.write(async (transaction) => {
      const appointment = await this.pendingForDecision(id, transaction);
      // No time given: confirm the slot the client picked (its own hold does not stand in its way).
      const start = typedStart ?? appointment.requested_start;
      if (!start) throw ValidationError.field('scheduled_datetime', 'This field is required (the request has no requested start).');
      if (start.getTime() <= now.getTime()) throw ValidationError.field('scheduled_datetime', 'The time must be in the future.');
      const minutes =
        request.durationMinutes ?? (typedStart ? DEFAULT_DURATION_MINUTES : (await this.availability.weekly(transaction)).sessionMinutes);
      const end = new Date(start.getTime() + minutes * 60_000);
      await assertNotBlocked(this.core, start, context.zone, request.allowBlockedDate, transaction);
      await assertNotHeldByAnother(this.core, start, end, appointment.id, transaction);
      return this.scheduleInTransaction(appointment, start, end, room, context, actorId, transaction);
    });
  }

  /**
   * Schedules `appointment` at [start, end) inside the caller's transaction: clear of every other session; a request
   * to move a session replaces it.
   */
  async scheduleInTransaction(
    appointment: AppointmentInstance,
    start: Date,
    end: Date,
    room: { roomId: string; url: string },
    context: SessionMailContext,
    actorId: string,
    transaction: Transaction,
    options: { seriesId?: string | null; mail?: boolean } = {},
  ): Promise<AppointmentInstance> {
    const replaced = appointment.reschedule_of ? await this.stillScheduled(appointment.reschedule_of, transaction) : null;
    await assertTimeFree(this.core, start, end, replaced?.id ?? null, context.zone, transaction);
    const now = this.core.clock.now();
    if (replaced) {
      const previousStart = replaced.scheduled_datetime;
      await replaced.update({ status: 'cancelled', cancelled_at: now, cancelled_by: 'reschedule', updated_at: now }, { transaction });
      await this.mail.cancelled(replaced, previousStart, context, transaction);
    }
    await appointment.update(
      {
        status: 'scheduled',
        scheduled_datetime: start,
        scheduled_end: end,
        scheduled_duration: Math.round((end.getTime() - start.getTime()) / 60_000),
        series_id: options.seriesId ?? null,
        rejection_reason: null,
        jitsi_room_id: room.roomId,
        jitsi_meet_url: room.url,
        decided_at: now,
        updated_at: now,
      },
      { transaction },
    );
    if (options.mail !== false) await this.mail.scheduled(appointment, context, transaction);
    await recordAudit(this.core, transaction, {
      actor: actorId,
      action: 'appointment.schedule',
      record_type: 'appointment',
      record_id: appointment.id,
    });
    return appointment;
  }

  async reject(id: string, reason: string | null, actorId: string): Promise<AppointmentInstance> {
    const context = await this.mail.context();
    return this.core.db.write(async (transaction) => {
      const appointment = await this.pendingForDecision(id, transaction);
      const now = this.core.clock.now();
      await appointment.update(
        {
          status: 'rejected',
          rejection_reason: reason,
          scheduled_datetime: null,
          scheduled_end: null,
          scheduled_duration: null,
          jitsi_room_id: null,
          jitsi_meet_url: null,
          decided_at: now,
          updated_at: now,
        },
        { transaction },
      );
      await this.mail.rejected(appointment, reason, context, transaction);
      await recordAudit(this.core, transaction, {
        actor: actorId,
        action: 'appointment.reject',
        record_type: 'appointment',
        record_id: appointment.id,
      });
      return appointment;
    });
  }

  /** The session a reschedule request would replace, if it is still scheduled and ahead. */
  private async stillScheduled(id: string, transaction: Transaction): Promise<AppointmentInstance | null> {
    const session = await this.core.db.models.Appointment.findByPk(id, { transaction });
    const ahead = session?.status === 'scheduled' && session.scheduled_datetime!.getTime() > this.core.clock.now().getTime();
    return ahead ? session : null;
  }

  private async pendingForDecision(id: string, transaction: Transaction): Promise<AppointmentInstance> {
    const appointment = await this.core.db.models.Appointment.findByPk(id, { transaction });
    if (!appointment) throw new NotFound();
    if (appointment.status !== 'pending_review') {
      throw new Conflict(`Only a request pending review can be decided; this one is ${appointment.status}.`, 'invalid_status');
    }
    return appointment;
  }
}

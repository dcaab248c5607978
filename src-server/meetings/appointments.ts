// Appointment requests: create, list, read, schedule and reject; each rule and its transaction lives here.
import { DateTime } from 'luxon';
import { Op, type Transaction, type WhereOptions } from 'sequelize';
import type { ServerCore } from '../core.js';
import { APPOINTMENT_EMAIL_INDEX, type AppointmentAttributes, type AppointmentInstance, type AppointmentStatus, type TimeSlot } from '../db/models/appointment.js';
import { Conflict, NotFound, ValidationError } from '../http/errors.js';
import type { Principal } from '../http/route-table.js';
import type { MailAttachment } from '../mail/outbox.js';
import type { MailContent } from '../mail/templates/layout.js';
import { meetingRejectedMail } from '../mail/templates/meeting-rejected.js';
import { meetingScheduledMail } from '../mail/templates/meeting-scheduled.js';
import { Availability } from './availability.js';
import { calendarInvite } from './invite.js';
import { newJitsiRoom } from './jitsi.js';
import { describePracticeTime } from './practice-time.js';

export interface AppointmentRequest {
  firstName: string;
  lastName: string;
  email: string;
  phone: string | null;
  reason: string | null;
  preferredDates: string[];
  preferredTimeSlots: TimeSlot[];
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
  /** ISO 8601; without an offset it is a time in the practice zone. */
  scheduledDatetime: string;
  durationMinutes: number;
}

const DEFAULT_JITSI_DOMAIN = 'meet.jit.si';

/** DRF's wording for a datetime it cannot read. */
export const DATETIME_FORMAT_MESSAGE = 'Datetime has wrong format. Use one of these formats instead: YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z].';

export class Appointments {
  private readonly availability: Availability;

  constructor(private readonly core: ServerCore) {
    this.availability = new Availability(core);
  }

  /** A request of `ownerId`; every preferred date must be requestable right now. */
  async create(ownerId: string, request: AppointmentRequest): Promise<AppointmentInstance> {
    const available = new Set(await this.availability.availableDates());
    const unavailable = request.preferredDates.filter((day) => !available.has(day));
    if (unavailable.length > 0) {
      throw new ValidationError({ preferred_dates: unavailable.map((day) => `${day} is not an available date.`) });
    }
    const { Appointment } = this.core.db.models;
    const limit = this.core.config.maxPendingRequests;
    return this.core.db.write(async (transaction) => {
      const pending = await Appointment.count({ where: { user_id: ownerId, status: 'pending_review' }, transaction });
      if (pending >= limit) {
        throw new ValidationError({
          non_field_errors: [`You already have ${pending} requests waiting for an answer (at most ${limit}). Please wait for the therapist's reply.`],
        });
      }
      const now = this.core.clock.now();
      return Appointment.create(
        {
          user_id: ownerId,
          first_name: request.firstName,
          last_name: request.lastName,
          email: request.email,
          email_index: this.core.blindIndex.of(request.email, APPOINTMENT_EMAIL_INDEX),
          phone: request.phone,
          reason: request.reason,
          preferred_dates: request.preferredDates,
          preferred_time_slots: request.preferredTimeSlots,
          status: 'pending_review',
          created_at: now,
          updated_at: now,
        },
        { transaction },
      );
    });
  }

  /** Newest first. Staff see every request, a user only their own. */
  async list(caller: Principal, query: AppointmentQuery): Promise<{ count: number; rows: AppointmentInstance[] }> {
    const where: WhereOptions<AppointmentAttributes> = {
      ...(caller.isStaff && !query.ownOnly ? {} : { user_id: caller.id }),
      ...(query.status ? { status: query.status } : {}),
      ...(query.email ? { email_index: this.core.blindIndex.of(query.email, APPOINTMENT_EMAIL_INDEX) } : {}),
    };
    return this.core.db.models.Appointment.findAndCountAll({
      where,
      order: [
        ['created_at', 'DESC'],
        ['id', 'DESC'],
      ],
      offset: query.offset,
      limit: query.limit,
    });
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
    if (appointment.status !== 'scheduled') throw new Conflict(`This appointment is ${appointment.status}, so it has no meeting.`, 'invalid_status');
    return appointment;
  }

  /**
   * Schedules a pending request. The overlap check and the write share one serialised transaction,
   * so two staff sessions racing for the same hour cannot both win.
   */
  async schedule(id: string, request: ScheduleRequest): Promise<AppointmentInstance> {
    const zone = await this.core.settings.timeZone();
    const start = this.parseFutureTime(request.scheduledDatetime, zone);
    const end = new Date(start.getTime() + request.durationMinutes * 60_000);
    const room = newJitsiRoom((await this.core.settings.get('jitsi_domain')) ?? DEFAULT_JITSI_DOMAIN);
    const { Appointment } = this.core.db.models;
    return this.core.db.write(async (transaction) => {
      const appointment = await this.pendingForDecision(id, transaction);
      const clashes = await Appointment.count({
        where: { status: 'scheduled', scheduled_end: { [Op.gt]: start }, scheduled_datetime: { [Op.lt]: end } },
        transaction,
      });
      if (clashes > 0) throw new Conflict('Another appointment is already scheduled at that time.', 'time_conflict');
      const now = this.core.clock.now();
      await appointment.update(
        {
          status: 'scheduled',
          scheduled_datetime: start,
          scheduled_end: end,
          scheduled_duration: request.durationMinutes,
          rejection_reason: null,
          jitsi_room_id: room.roomId,
          jitsi_meet_url: room.url,
          decided_at: now,
          updated_at: now,
        },
        { transaction },
      );
      const invite = calendarInvite({ appointmentId: appointment.id, start, durationMinutes: request.durationMinutes, meetingUrl: room.url });
      const mail = meetingScheduledMail({
        firstName: appointment.first_name,
        when: describePracticeTime(start, zone),
        durationMinutes: request.durationMinutes,
        meetingUrl: room.url,
      });
      await this.mailOwner(appointment, mail, [invite], transaction);
      return appointment;
    });
  }

  async reject(id: string, reason: string | null): Promise<AppointmentInstance> {
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
      await this.mailOwner(appointment, meetingRejectedMail({ firstName: appointment.first_name, reason }), [], transaction);
      return appointment;
    });
  }

  private async pendingForDecision(id: string, transaction: Transaction): Promise<AppointmentInstance> {
    const appointment = await this.core.db.models.Appointment.findByPk(id, { transaction });
    if (!appointment) throw new NotFound();
    if (appointment.status !== 'pending_review') {
      throw new Conflict(`Only a request pending review can be decided; this one is ${appointment.status}.`, 'invalid_status');
    }
    return appointment;
  }

  /** ISO 8601 with or without an offset (then in the practice zone), strictly after now. */
  private parseFutureTime(value: string, zone: string): Date {
    const parsed = DateTime.fromISO(value, { zone });
    if (!parsed.isValid) {
      throw ValidationError.field('scheduled_datetime', DATETIME_FORMAT_MESSAGE);
    }
    if (parsed.toMillis() <= this.core.clock.now().getTime()) throw ValidationError.field('scheduled_datetime', 'The time must be in the future.');
    return parsed.toJSDate();
  }

  /** Mail goes to the account's verified address, never to the address typed into the request. */
  private async mailOwner(
    appointment: AppointmentInstance,
    content: MailContent,
    attachments: MailAttachment[],
    transaction: Transaction,
  ): Promise<void> {
    // The owner exists: deleting a user deletes their appointments (ON DELETE CASCADE).
    const owner = await this.core.db.models.User.findByPk(appointment.user_id, { attributes: ['id', 'email'], rejectOnEmpty: true, transaction });
    await this.core.outbox.queue({ to: owner.email, ...content, attachments }, transaction);
  }
}

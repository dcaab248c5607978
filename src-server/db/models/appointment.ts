// An appointment request and, once scheduled, its video session. Personal fields are encrypted at rest.
import { DataTypes, type Model, type ModelStatic, type Optional, type Sequelize } from 'sequelize';
import type { FieldCipher } from '../../crypto/field-cipher.js';
import { encryptedAttribute } from '../encrypted-attribute.js';
import { jsonListAttribute } from './json-list-attribute.js';

export const APPOINTMENT_STATUSES = ['pending_review', 'scheduled', 'rejected', 'cancelled'] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];

export const TIME_SLOTS = ['morning', 'afternoon', 'evening'] as const;
export type TimeSlot = (typeof TIME_SLOTS)[number];

export const CANCELLED_BY = ['client', 'staff', 'reschedule'] as const;
export type CancelledBy = (typeof CANCELLED_BY)[number];

export const ATTENDANCE = ['attended', 'no_show'] as const;
export type Attendance = (typeof ATTENDANCE)[number];

/** The blind-index purpose of the contact email typed into a request. */
export const APPOINTMENT_EMAIL_INDEX = 'appointments.email';

export interface AppointmentAttributes {
  id: string;
  /** The account that made the request: every mail about it goes to that account's address. */
  user_id: string;
  first_name: string;
  last_name: string;
  email: string;
  /** Keyed hash of the lower-cased email, for the staff's search by email. */
  email_index: string;
  phone: string | null;
  reason: string | null;
  preferred_dates: string[];
  preferred_time_slots: TimeSlot[];
  status: AppointmentStatus;
  scheduled_datetime: Date | null;
  /** Start plus duration, stored so that overlap and "completed" are plain comparisons in SQL. */
  scheduled_end: Date | null;
  scheduled_duration: number | null;
  rejection_reason: string | null;
  jitsi_room_id: string | null;
  jitsi_meet_url: string | null;
  /** When staff scheduled or rejected the request (the stats trend counts rejections by it). */
  decided_at: Date | null;
  cancelled_at: Date | null;
  cancelled_by: CancelledBy | null;
  cancellation_reason: string | null;
  /** A client cancelled inside the practice's notice window. */
  late_cancellation: boolean;
  attendance: Attendance | null;
  /** The scheduled session this request would replace once scheduled. */
  reschedule_of: string | null;
  /** SEQUENCE of the session's calendar event; raised by every mail that changes it. */
  ics_sequence: number;
  /** The free slot the client picked (available-slots), or null for a request with preferred dates only. */
  requested_start: Date | null;
  /** requested_start while pending, else null (set by the model): unique, so one start is held by one request. */
  held_start: Date | null;
  /** Shared by the sessions of one recurring series. */
  series_id: string | null;
  created_at: Date;
  updated_at: Date;
}

type AppointmentCreation = Optional<
  AppointmentAttributes,
  | 'id'
  | 'phone'
  | 'reason'
  | 'scheduled_datetime'
  | 'scheduled_end'
  | 'scheduled_duration'
  | 'rejection_reason'
  | 'jitsi_room_id'
  | 'jitsi_meet_url'
  | 'decided_at'
  | 'cancelled_at'
  | 'cancelled_by'
  | 'cancellation_reason'
  | 'late_cancellation'
  | 'attendance'
  | 'reschedule_of'
  | 'ics_sequence'
  | 'requested_start'
  | 'held_start'
  | 'series_id'
>;

export interface AppointmentInstance extends Model<AppointmentAttributes, AppointmentCreation>, AppointmentAttributes {}

export type AppointmentModel = ModelStatic<AppointmentInstance>;

export function defineAppointment(sequelize: Sequelize, cipher: FieldCipher): AppointmentModel {
  return sequelize.define<AppointmentInstance>(
    'Appointment',
    {
      id: { type: DataTypes.UUID, primaryKey: true, defaultValue: DataTypes.UUIDV4 },
      user_id: { type: DataTypes.UUID, allowNull: false },
      first_name: encryptedAttribute(cipher, 'appointments', 'first_name'),
      last_name: encryptedAttribute(cipher, 'appointments', 'last_name'),
      email: encryptedAttribute(cipher, 'appointments', 'email'),
      email_index: { type: DataTypes.STRING(64), allowNull: false },
      phone: encryptedAttribute(cipher, 'appointments', 'phone', true),
      reason: encryptedAttribute(cipher, 'appointments', 'reason', true),
      preferred_dates: jsonListAttribute('preferred_dates'),
      preferred_time_slots: jsonListAttribute('preferred_time_slots'),
      status: { type: DataTypes.STRING(16), allowNull: false },
      scheduled_datetime: { type: DataTypes.DATE, allowNull: true },
      scheduled_end: { type: DataTypes.DATE, allowNull: true },
      scheduled_duration: { type: DataTypes.INTEGER, allowNull: true },
      rejection_reason: encryptedAttribute(cipher, 'appointments', 'rejection_reason', true),
      jitsi_room_id: encryptedAttribute(cipher, 'appointments', 'jitsi_room_id', true),
      jitsi_meet_url: encryptedAttribute(cipher, 'appointments', 'jitsi_meet_url', true),
      decided_at: { type: DataTypes.DATE, allowNull: true },
      cancelled_at: { type: DataTypes.DATE, allowNull: true },
      cancelled_by: { type: DataTypes.STRING(16), allowNull: true },
      cancellation_reason: encryptedAttribute(cipher, 'appointments', 'cancellation_reason', true),
      late_cancellation: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
      attendance: { type: DataTypes.STRING(16), allowNull: true },
      reschedule_of: { type: DataTypes.UUID, allowNull: true },
      ics_sequence: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
      requested_start: { type: DataTypes.DATE, allowNull: true },
      held_start: { type: DataTypes.DATE, allowNull: true },
      series_id: { type: DataTypes.UUID, allowNull: true },
      // Set from the injected clock by the service, so that "newest first" and the trend follow test time.
      created_at: { type: DataTypes.DATE, allowNull: false },
      updated_at: { type: DataTypes.DATE, allowNull: false },
    },
    {
      tableName: 'appointments',
      timestamps: false,
      hooks: {
        // Whatever changes the status (schedule, reject, cancel), the hold follows it: only a pending request holds.
        beforeSave(appointment) {
          appointment.held_start = appointment.status === 'pending_review' ? (appointment.requested_start ?? null) : null;
        },
      },
    },
  );
}

// Every model of the server, defined on one Sequelize instance (so tests can run several servers in one process).
import type { Sequelize } from 'sequelize';
import type { FieldCipher } from '../../crypto/field-cipher.js';
import { defineAppointment } from './appointment.js';
import { defineAuditEvent } from './audit-event.js';
import { defineClientProfile } from './client-profile.js';
import { defineInvoice } from './invoice.js';
import { defineInvoiceCounter } from './invoice-counter.js';
import { defineInvoiceLine } from './invoice-line.js';
import { defineNoteAddendum } from './note-addendum.js';
import { defineSessionNote } from './session-note.js';
import { defineAuthCodeLimit } from './auth-code-limit.js';
import { defineBlockedDate } from './blocked-date.js';
import { defineCalendarFeed } from './calendar-feed.js';
import { defineOtpCode } from './otp-code.js';
import { defineOutboxMail } from './outbox-mail.js';
import { defineRefreshToken } from './refresh-token.js';
import { defineSetting } from './setting.js';
import { defineUser } from './user.js';
import { defineWeeklyAvailability } from './weekly-availability.js';

export function defineModels(sequelize: Sequelize, cipher: FieldCipher) {
  return {
    User: defineUser(sequelize, cipher),
    Setting: defineSetting(sequelize, cipher),
    OutboxMail: defineOutboxMail(sequelize, cipher),
    OtpCode: defineOtpCode(sequelize),
    RefreshToken: defineRefreshToken(sequelize),
    Appointment: defineAppointment(sequelize, cipher),
    WeeklyAvailability: defineWeeklyAvailability(sequelize),
    BlockedDate: defineBlockedDate(sequelize, cipher),
    ClientProfile: defineClientProfile(sequelize),
    SessionNote: defineSessionNote(sequelize, cipher),
    NoteAddendum: defineNoteAddendum(sequelize, cipher),
    AuditEvent: defineAuditEvent(sequelize),
    Invoice: defineInvoice(sequelize),
    InvoiceLine: defineInvoiceLine(sequelize),
    InvoiceCounter: defineInvoiceCounter(sequelize),
    AuthCodeLimit: defineAuthCodeLimit(sequelize),
    CalendarFeed: defineCalendarFeed(sequelize, cipher),
  };
}

export type Models = ReturnType<typeof defineModels>;

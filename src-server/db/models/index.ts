// Every model of the server, defined on one Sequelize instance (so tests can run several servers in one process).
import type { Sequelize } from 'sequelize';
import type { FieldCipher } from '../../crypto/field-cipher.js';
import { defineAppointment } from './appointment.js';
import { defineAuthCodeLimit } from './auth-code-limit.js';
import { defineBlockedDate } from './blocked-date.js';
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
    AuthCodeLimit: defineAuthCodeLimit(sequelize),
  };
}

export type Models = ReturnType<typeof defineModels>;

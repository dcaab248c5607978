// A staff member's private calendar subscription (calendar.ics?token=…): looked up by the SHA-256 of the 256-bit token;
// the token itself is kept only encrypted, so settings can show its owner the URL again.
import { DataTypes, type Model, type ModelStatic, type Sequelize } from 'sequelize';
import type { FieldCipher } from '../../crypto/field-cipher.js';
import { encryptedAttribute } from '../encrypted-attribute.js';

export interface CalendarFeedAttributes {
  /** One feed per staff member: making a new token replaces (revokes) the old one. */
  user_id: string;
  token_hash: string;
  token: string;
  created_at: Date;
}

export interface CalendarFeedInstance extends Model<CalendarFeedAttributes>, CalendarFeedAttributes {}

export type CalendarFeedModel = ModelStatic<CalendarFeedInstance>;

export function defineCalendarFeed(sequelize: Sequelize, cipher: FieldCipher): CalendarFeedModel {
  return sequelize.define<CalendarFeedInstance>(
    'CalendarFeed',
    {
      user_id: { type: DataTypes.UUID, primaryKey: true },
      token_hash: { type: DataTypes.STRING(64), allowNull: false, unique: true },
      token: encryptedAttribute(cipher, 'calendar_feeds', 'token'),
      created_at: { type: DataTypes.DATE, allowNull: false },
    },
    { tableName: 'calendar_feeds', timestamps: false },
  );
}

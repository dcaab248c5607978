// A mail waiting for, or done with, SMTP delivery. Written in the transaction of the change that causes it.
import { DataTypes, type Model, type ModelStatic, type Optional, type Sequelize } from 'sequelize';
import type { FieldCipher } from '../../crypto/field-cipher.js';
import { encryptedAttribute } from '../encrypted-attribute.js';

export const OUTBOX_STATUSES = ['queued', 'sending', 'sent', 'failed', 'expired'] as const;
/** `expired`: a mail with a `not_after` time (a reminder) that could not go out before it. */
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

export interface OutboxMailAttributes {
  id: string;
  recipient: string;
  subject: string;
  /** JSON of the text, HTML and attachments, encrypted (it may hold an OTP); emptied once sent. */
  body: string | null;
  status: OutboxStatus;
  attempts: number;
  last_error: string | null;
  next_attempt_at: Date;
  /** Never delivered before this time (a reminder's moment); null: at once. */
  not_before: Date | null;
  /** Not delivered from this time on (a reminder once its session started); null: no limit. */
  not_after: Date | null;
  /** What the mail is about, so its change can withdraw it (e.g. "reminder:<appointment id>"). */
  reference: string | null;
  /** The delivery worker sending it (status `sending`). */
  claimed_by: string | null;
  sent_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

type OutboxMailCreation = Optional<
  OutboxMailAttributes,
  | 'id'
  | 'status'
  | 'attempts'
  | 'last_error'
  | 'sent_at'
  | 'created_at'
  | 'updated_at'
  | 'not_before'
  | 'not_after'
  | 'reference'
  | 'claimed_by'
>;

export interface OutboxMailInstance extends Model<OutboxMailAttributes, OutboxMailCreation>, OutboxMailAttributes {}

export type OutboxMailModel = ModelStatic<OutboxMailInstance>;

export function defineOutboxMail(sequelize: Sequelize, cipher: FieldCipher): OutboxMailModel {
  return sequelize.define<OutboxMailInstance>(
    'OutboxMail',
    {
      id: { type: DataTypes.UUID, primaryKey: true, defaultValue: DataTypes.UUIDV4 },
      recipient: encryptedAttribute(cipher, 'outbox_mails', 'recipient'),
      subject: encryptedAttribute(cipher, 'outbox_mails', 'subject'),
      body: encryptedAttribute(cipher, 'outbox_mails', 'body', true),
      status: { type: DataTypes.STRING(16), allowNull: false, defaultValue: 'queued' },
      attempts: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
      last_error: { type: DataTypes.TEXT, allowNull: true },
      next_attempt_at: { type: DataTypes.DATE, allowNull: false },
      not_before: { type: DataTypes.DATE, allowNull: true },
      not_after: { type: DataTypes.DATE, allowNull: true },
      reference: { type: DataTypes.STRING(80), allowNull: true },
      claimed_by: { type: DataTypes.STRING(36), allowNull: true },
      sent_at: { type: DataTypes.DATE, allowNull: true },
      created_at: { type: DataTypes.DATE, allowNull: false },
      updated_at: { type: DataTypes.DATE, allowNull: false },
    },
    { tableName: 'outbox_mails', timestamps: true, createdAt: 'created_at', updatedAt: 'updated_at' },
  );
}

// The therapist's note of one session: its template and fields, encrypted as one JSON value; locked once signed.
import { DataTypes, type Model, type ModelStatic, type Optional, type Sequelize } from 'sequelize';
import type { FieldCipher } from '../../crypto/field-cipher.js';
import { encryptedAttribute } from '../encrypted-attribute.js';

export const NOTE_TEMPLATES = ['soap', 'dap', 'free'] as const;
export type NoteTemplate = (typeof NOTE_TEMPLATES)[number];

export interface SessionNoteAttributes {
  id: string;
  appointment_id: string;
  template: NoteTemplate;
  /** JSON of the template's fields, encrypted as a whole (its keys say which template parts were written). */
  fields: string;
  signed_at: Date | null;
  signed_by: string | null;
  created_at: Date;
  updated_at: Date;
}

type SessionNoteCreation = Optional<SessionNoteAttributes, 'id' | 'signed_at' | 'signed_by'>;

export interface SessionNoteInstance extends Model<SessionNoteAttributes, SessionNoteCreation>, SessionNoteAttributes {}

export type SessionNoteModel = ModelStatic<SessionNoteInstance>;

export function defineSessionNote(sequelize: Sequelize, cipher: FieldCipher): SessionNoteModel {
  return sequelize.define<SessionNoteInstance>(
    'SessionNote',
    {
      id: { type: DataTypes.UUID, primaryKey: true, defaultValue: DataTypes.UUIDV4 },
      appointment_id: { type: DataTypes.UUID, allowNull: false, unique: true },
      template: { type: DataTypes.STRING(8), allowNull: false },
      fields: encryptedAttribute(cipher, 'session_notes', 'fields'),
      signed_at: { type: DataTypes.DATE, allowNull: true },
      signed_by: { type: DataTypes.UUID, allowNull: true },
      created_at: { type: DataTypes.DATE, allowNull: false },
      updated_at: { type: DataTypes.DATE, allowNull: false },
    },
    { tableName: 'session_notes', timestamps: false },
  );
}

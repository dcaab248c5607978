// A dated addition to a signed note, by its author: a signed note is never edited, only added to. Text encrypted.
import { DataTypes, type Model, type ModelStatic, type Optional, type Sequelize } from 'sequelize';
import type { FieldCipher } from '../../crypto/field-cipher.js';
import { encryptedAttribute } from '../encrypted-attribute.js';

export interface NoteAddendumAttributes {
  id: string;
  note_id: string;
  author_id: string | null;
  text: string;
  created_at: Date;
}

export interface NoteAddendumInstance
  extends Model<NoteAddendumAttributes, Optional<NoteAddendumAttributes, 'id'>>, NoteAddendumAttributes {}

export type NoteAddendumModel = ModelStatic<NoteAddendumInstance>;

export function defineNoteAddendum(sequelize: Sequelize, cipher: FieldCipher): NoteAddendumModel {
  return sequelize.define<NoteAddendumInstance>(
    'NoteAddendum',
    {
      id: { type: DataTypes.UUID, primaryKey: true, defaultValue: DataTypes.UUIDV4 },
      note_id: { type: DataTypes.UUID, allowNull: false },
      author_id: { type: DataTypes.UUID, allowNull: true },
      text: encryptedAttribute(cipher, 'note_addenda', 'text'),
      created_at: { type: DataTypes.DATE, allowNull: false },
    },
    { tableName: 'note_addenda', timestamps: false },
  );
}

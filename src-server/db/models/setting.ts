// A practice setting the therapist changed in the app (time zone, SMTP, Jitsi, sender); values are encrypted (SMTP passwords).
import { DataTypes, type Model, type ModelStatic, type Sequelize } from 'sequelize';
import type { FieldCipher } from '../../crypto/field-cipher.js';
import { encryptedAttribute } from '../encrypted-attribute.js';

export interface SettingAttributes {
  key: string;
  value: string;
  updated_at: Date;
}

export interface SettingInstance extends Model<SettingAttributes, Omit<SettingAttributes, 'updated_at'>>, SettingAttributes {}

export type SettingModel = ModelStatic<SettingInstance>;

export function defineSetting(sequelize: Sequelize, cipher: FieldCipher): SettingModel {
  return sequelize.define<SettingInstance>(
    'Setting',
    {
      key: { type: DataTypes.STRING(64), primaryKey: true },
      value: encryptedAttribute(cipher, 'practice_settings', 'value'),
      updated_at: { type: DataTypes.DATE, allowNull: false },
    },
    { tableName: 'practice_settings', timestamps: true, createdAt: false, updatedAt: 'updated_at' },
  );
}

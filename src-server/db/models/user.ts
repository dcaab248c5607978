// A person who can sign in: a client, or the therapist (is_staff). Personal fields are encrypted at rest.
import { DataTypes, type Model, type ModelStatic, type Optional, type Sequelize } from 'sequelize';
import type { FieldCipher } from '../../crypto/field-cipher.js';
import { encryptedAttribute } from '../encrypted-attribute.js';

export interface UserAttributes {
  id: string;
  email: string;
  /** Keyed hash of the lower-cased email: the unique, searchable stand-in for the encrypted address. */
  email_index: string;
  password_hash: string;
  first_name: string;
  last_name: string;
  phone_number: string | null;
  is_active: boolean;
  is_staff: boolean;
  is_verified: boolean;
  date_joined: Date;
  last_login: Date | null;
  /** Raised to revoke every token of the user at once (deactivation, password reset). */
  token_version: number;
  /** The client's IANA time zone (set from their browser), or null: mails show their local time beside the practice's. */
  time_zone: string | null;
  created_at: Date;
  updated_at: Date;
}

type UserCreation = Optional<
  UserAttributes,
  | 'id'
  | 'phone_number'
  | 'is_active'
  | 'is_staff'
  | 'is_verified'
  | 'date_joined'
  | 'last_login'
  | 'token_version'
  | 'time_zone'
  | 'created_at'
  | 'updated_at'
>;

export interface UserInstance extends Model<UserAttributes, UserCreation>, UserAttributes {}

export type UserModel = ModelStatic<UserInstance>;

export function defineUser(sequelize: Sequelize, cipher: FieldCipher): UserModel {
  return sequelize.define<UserInstance>(
    'User',
    {
      id: { type: DataTypes.UUID, primaryKey: true, defaultValue: DataTypes.UUIDV4 },
      email: encryptedAttribute(cipher, 'users', 'email'),
      email_index: { type: DataTypes.STRING(64), allowNull: false, unique: true },
      password_hash: { type: DataTypes.TEXT, allowNull: false },
      first_name: encryptedAttribute(cipher, 'users', 'first_name'),
      last_name: encryptedAttribute(cipher, 'users', 'last_name'),
      phone_number: encryptedAttribute(cipher, 'users', 'phone_number', true),
      is_active: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
      is_staff: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
      is_verified: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
      date_joined: { type: DataTypes.DATE, allowNull: false, defaultValue: DataTypes.NOW },
      last_login: { type: DataTypes.DATE, allowNull: true },
      token_version: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
      time_zone: { type: DataTypes.STRING(64), allowNull: true },
      created_at: { type: DataTypes.DATE, allowNull: false },
      updated_at: { type: DataTypes.DATE, allowNull: false },
    },
    { tableName: 'users', underscored: true, timestamps: true, createdAt: 'created_at', updatedAt: 'updated_at' },
  );
}

// A one-time code sent by mail (registration or password reset), stored only as a keyed hash.
import { DataTypes, type Model, type ModelStatic, type Optional, type Sequelize } from 'sequelize';

export type OtpPurpose = 'registration' | 'password_reset';

export interface OtpCodeAttributes {
  id: string;
  user_id: string;
  purpose: OtpPurpose;
  /** Random per code, mixed into the hash so that equal codes never look alike. */
  salt: string;
  code_hash: string;
  /** Wrong guesses so far; the code is dead at the limit. */
  attempts: number;
  expires_at: Date;
  created_at: Date;
}

type OtpCodeCreation = Optional<OtpCodeAttributes, 'id' | 'attempts' | 'created_at'>;

export interface OtpCodeInstance extends Model<OtpCodeAttributes, OtpCodeCreation>, OtpCodeAttributes {}

export type OtpCodeModel = ModelStatic<OtpCodeInstance>;

export function defineOtpCode(sequelize: Sequelize): OtpCodeModel {
  return sequelize.define<OtpCodeInstance>(
    'OtpCode',
    {
      id: { type: DataTypes.UUID, primaryKey: true, defaultValue: DataTypes.UUIDV4 },
      user_id: { type: DataTypes.UUID, allowNull: false },
      purpose: { type: DataTypes.STRING(32), allowNull: false },
      salt: { type: DataTypes.STRING(32), allowNull: false },
      code_hash: { type: DataTypes.STRING(64), allowNull: false },
      attempts: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
      expires_at: { type: DataTypes.DATE, allowNull: false },
      created_at: { type: DataTypes.DATE, allowNull: false },
    },
    { tableName: 'otp_codes', timestamps: true, createdAt: 'created_at', updatedAt: false },
  );
}

// The one-time-code limits of one email address (known account or not): wrong guesses and codes in a 24-hour window, back-off.
import { DataTypes, type Model, type ModelStatic, type Optional, type Sequelize } from 'sequelize';

export interface AuthCodeLimitAttributes {
  /** The address's blind index (users.email purpose), so an unknown address is limited exactly like a known one. */
  email_index: string;
  /** Start of the current 24-hour window; the counters below belong to it. */
  window_start: Date;
  wrong_guesses: number;
  codes_sent: number;
  /** No code is checked or sent for the address before this moment. */
  locked_until: Date | null;
  /** The owner was told by mail about the wrong guesses in this window (once). */
  owner_notified: boolean;
  updated_at: Date;
}

type AuthCodeLimitCreation = Optional<
  AuthCodeLimitAttributes,
  'wrong_guesses' | 'codes_sent' | 'locked_until' | 'owner_notified' | 'updated_at'
>;

export interface AuthCodeLimitInstance extends Model<AuthCodeLimitAttributes, AuthCodeLimitCreation>, AuthCodeLimitAttributes {}

export type AuthCodeLimitModel = ModelStatic<AuthCodeLimitInstance>;

export function defineAuthCodeLimit(sequelize: Sequelize): AuthCodeLimitModel {
  return sequelize.define<AuthCodeLimitInstance>(
    'AuthCodeLimit',
    {
      email_index: { type: DataTypes.STRING(64), primaryKey: true },
      window_start: { type: DataTypes.DATE, allowNull: false },
      wrong_guesses: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
      codes_sent: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
      locked_until: { type: DataTypes.DATE, allowNull: true },
      owner_notified: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
      updated_at: { type: DataTypes.DATE, allowNull: false },
    },
    { tableName: 'auth_code_limits', timestamps: true, createdAt: false, updatedAt: 'updated_at' },
  );
}

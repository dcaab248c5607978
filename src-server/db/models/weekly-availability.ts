// The therapist's weekly availability: one row with the working hours per weekday (0=Monday … 6=Sunday), the
// session length, buffer, minimum notice and booking horizon from which the bookable slots are computed.
import { DataTypes, type Model, type ModelStatic, type Sequelize } from 'sequelize';
import { jsonListAttribute } from './json-list-attribute.js';

/** Weekday ("0"…"6") → ordered, non-overlapping local intervals ["HH:MM", "HH:MM"]. */
export type WorkingHours = Record<string, [string, string][]>;

export interface WeeklyAvailabilityAttributes {
  /** Always 1: the practice has one weekly availability. */
  id: number;
  /** Derived from `hours` (the weekdays with intervals); kept for the seed's readers. */
  available_days: number[];
  /** null on rows from before working hours: 09:00–17:00 on each available day. */
  hours: WorkingHours | null;
  session_minutes: number;
  buffer_minutes: number;
  min_notice_hours: number;
  booking_horizon_days: number;
  updated_at: Date;
}

export interface WeeklyAvailabilityInstance extends Model<WeeklyAvailabilityAttributes>, WeeklyAvailabilityAttributes {}

export type WeeklyAvailabilityModel = ModelStatic<WeeklyAvailabilityInstance>;

export function defineWeeklyAvailability(sequelize: Sequelize): WeeklyAvailabilityModel {
  return sequelize.define<WeeklyAvailabilityInstance>(
    'WeeklyAvailability',
    {
      id: { type: DataTypes.INTEGER, primaryKey: true },
      available_days: jsonListAttribute('available_days'),
      hours: {
        type: DataTypes.TEXT,
        allowNull: true,
        get(this: Model) {
          const raw = this.getDataValue('hours') as string | null;
          return raw ? (JSON.parse(raw) as WorkingHours) : null;
        },
        set(this: Model, value: WorkingHours | null) {
          this.setDataValue('hours', value ? JSON.stringify(value) : null);
        },
      },
      session_minutes: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 50 },
      buffer_minutes: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 10 },
      min_notice_hours: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 24 },
      booking_horizon_days: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 30 },
      updated_at: { type: DataTypes.DATE, allowNull: false },
    },
    { tableName: 'weekly_availability', timestamps: false },
  );
}

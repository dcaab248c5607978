// The therapist's weekly availability: one row, the weekdays (0=Monday … 6=Sunday) on which clients may request.
import { DataTypes, type Model, type ModelStatic, type Sequelize } from 'sequelize';
import { jsonListAttribute } from './json-list-attribute.js';

export interface WeeklyAvailabilityAttributes {
  /** Always 1: the practice has one weekly availability. */
  id: number;
  available_days: number[];
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
      updated_at: { type: DataTypes.DATE, allowNull: false },
    },
    { tableName: 'weekly_availability', timestamps: false },
  );
}

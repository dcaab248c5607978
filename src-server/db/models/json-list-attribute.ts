// A Sequelize attribute holding a short list (dates, slots, weekdays) as JSON text, portable to every dialect.
import { DataTypes, type Model, type ModelAttributeColumnOptions } from 'sequelize';

export function jsonListAttribute(column: string): ModelAttributeColumnOptions {
  return {
    type: DataTypes.TEXT,
    allowNull: false,
    get(this: Model) {
      return JSON.parse(this.getDataValue(column) as string) as unknown[];
    },
    set(this: Model, value: unknown) {
      this.setDataValue(column, JSON.stringify(value));
    },
  };
}

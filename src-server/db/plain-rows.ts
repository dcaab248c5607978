// Reads rows with one SQL statement into plain objects, shaped as the model's instances read: for hot lists, where
// building Sequelize instances and generating the query cost more than the query itself.
import { DataTypes, QueryTypes, type Model, type ModelStatic, type Sequelize } from 'sequelize';

type Raw = Record<string, unknown>;
type Convert = (raw: Raw) => unknown;

/** How each attribute of `model` turns from what the driver returns into what the instance's getter gives. */
function convertersOf(model: ModelStatic<Model>): [string, string, Convert][] {
  return Object.entries(model.getAttributes()).map(([name, attribute]): [string, string, Convert] => {
    const column = attribute.field ?? name;
    // The attribute's own getter (decryption, JSON lists), run against the raw row.
    const getter = attribute.get;
    if (getter)
      return [
        name,
        column,
        (raw: Raw) => getter.call({ getDataValue: (key: string) => raw[key === name ? column : key] } as unknown as Model),
      ];
    const type = attribute.type as { key?: string };
    // SQLite returns dates as text and booleans as 0/1; PostgreSQL already returns Date and boolean.
    if (type.key === DataTypes.DATE.key)
      return [
        name,
        column,
        (raw: Raw) => (raw[column] == null ? null : raw[column] instanceof Date ? raw[column] : new Date(raw[column] as string)),
      ];
    if (type.key === DataTypes.BOOLEAN.key) return [name, column, (raw: Raw) => (raw[column] == null ? null : Boolean(raw[column]))];
    return [name, column, (raw: Raw) => raw[column]];
  });
}

const converters = new WeakMap<ModelStatic<Model>, [string, string, Convert][]>();

/**
 * The rows `sql` selects from `model`'s table, as plain objects with the attributes whose columns it selected (only
 * those are decrypted), and the driver's rows as they came.
 */
export async function plainRows<Attributes>(
  sequelize: Sequelize,
  model: ModelStatic<Model>,
  sql: string,
  replacements: Record<string, unknown>,
): Promise<{ rows: Attributes[]; raw: Raw[] }> {
  let convert = converters.get(model);
  if (!convert) converters.set(model, (convert = convertersOf(model)));
  const raw = await sequelize.query<Raw>(sql, { type: QueryTypes.SELECT, replacements });
  const selected = raw.length > 0 ? convert.filter(([, column]) => column in raw[0]) : [];
  const rows = raw.map((driverRow) => {
    const plain: Raw = {};
    for (const [name, , to] of selected) plain[name] = to(driverRow);
    return plain as Attributes;
  });
  return { rows, raw };
}

/** The table name of `model`, quoted for `sequelize`'s dialect. */
export function quotedTable(sequelize: Sequelize, model: ModelStatic<Model>): string {
  return sequelize.getQueryInterface().quoteIdentifier(model.getTableName() as string);
}

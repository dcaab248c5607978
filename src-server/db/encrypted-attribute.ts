// A Sequelize attribute stored as AES-GCM ciphertext and read back as plain text, decrypted once per row.
import { DataTypes, type Model, type ModelAttributeColumnOptions } from 'sequelize';
import type { FieldCipher } from '../crypto/field-cipher.js';

/**
 * The plain text last read or written per row and column, with the ciphertext it belongs to: a getter called again
 * (a presenter reads a name twice, a list reads every row) returns it without decrypting again. It is keyed by the
 * ciphertext itself, so a value set or reloaded since is decrypted afresh; the map dies with the row.
 */
const plainTexts = new WeakMap<Model, Map<string, { stored: string; plain: string }>>();

function remember(row: Model, column: string, stored: string, plain: string): void {
  let columns = plainTexts.get(row);
  if (!columns) plainTexts.set(row, (columns = new Map()));
  columns.set(column, { stored, plain });
}

export function encryptedAttribute(cipher: FieldCipher, table: string, column: string, allowNull = false): ModelAttributeColumnOptions {
  const context = `${table}.${column}`;
  return {
    type: DataTypes.TEXT,
    allowNull,
    get(this: Model) {
      const stored = this.getDataValue(column) as string | null | undefined;
      if (stored == null || stored === '') return stored;
      const known = plainTexts.get(this)?.get(column);
      if (known?.stored === stored) return known.plain;
      const plain = cipher.decrypt(stored, context);
      remember(this, column, stored, plain);
      return plain;
    },
    set(this: Model, value: unknown) {
      if (value == null || value === '') {
        this.setDataValue(column, allowNull ? null : '');
        return;
      }
      const plain = String(value);
      const stored = cipher.encrypt(plain, context);
      this.setDataValue(column, stored);
      remember(this, column, stored, plain);
    },
  };
}

// A Sequelize attribute stored as AES-GCM ciphertext and read back as plain text.
import { DataTypes, type Model, type ModelAttributeColumnOptions } from 'sequelize';
import type { FieldCipher } from '../crypto/field-cipher.js';

export function encryptedAttribute(cipher: FieldCipher, table: string, column: string, allowNull = false): ModelAttributeColumnOptions {
  const context = `${table}.${column}`;
  return {
    type: DataTypes.TEXT,
    allowNull,
    get(this: Model) {
      const stored = this.getDataValue(column) as string | null | undefined;
      return stored == null || stored === '' ? stored : cipher.decrypt(stored, context);
    },
    set(this: Model, value: unknown) {
      this.setDataValue(column, value == null || value === '' ? (allowNull ? null : '') : cipher.encrypt(String(value), context));
    },
  };
}

import { randomBytes } from 'node:crypto';
import { DataTypes, Sequelize, type Model } from 'sequelize';
import { afterAll, describe, expect, it } from 'vitest';
import { FieldCipher } from '../../../src-server/crypto/field-cipher.js';
import { encryptedAttribute } from '../../../src-server/db/encrypted-attribute.js';

/** A real cipher that counts its decryptions. */
class CountingCipher extends FieldCipher {
  decryptions = 0;
  override decrypt(value: string, context: string): string {
    this.decryptions++;
    return super.decrypt(value, context);
  }
}

describe('encrypted attributes', () => {
  const cipher = new CountingCipher([randomBytes(32)]);
  const sequelize = new Sequelize('sqlite::memory:', { logging: false });
  interface Person extends Model {
    id: number;
    name: string;
  }
  const People = sequelize.define<Person>('people', {
    id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
    name: encryptedAttribute(cipher, 'people', 'name'),
  });
  afterAll(() => sequelize.close());

  it('decrypts each field of a row once however often it is read, and read a new value after a write', async () => {
    await People.sync();
    const { id } = await People.create({ name: 'Ada Lovelace' });
    const rows = await People.findAll();
    cipher.decryptions = 0;
    for (let read = 0; read < 5; read++) expect(rows[0].name).toBe('Ada Lovelace');
    expect(cipher.decryptions).toBe(1);

    rows[0].name = 'Grace Hopper';
    expect(rows[0].name).toBe('Grace Hopper');
    await rows[0].save();
    const other = await People.findByPk(id);
    await People.update({ name: 'Mary Somerville' }, { where: { id }, individualHooks: false });
    await other!.reload();
    expect(other!.name).toBe('Mary Somerville');
    expect(String(other!.getDataValue('name'))).not.toContain('Mary');
  });
});

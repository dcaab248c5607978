// AES-256-GCM encryption of personal fields at rest: a random nonce per value and the key id in each value.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { deriveKey, keyId } from './keys.js';

const PREFIX = 'enc1';
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

export class FieldCipher {
  private readonly keys = new Map<string, Buffer>();
  private readonly currentKeyId: string;

  /** @param masterKeys the current key first, then older keys that may still be needed to decrypt. */
  constructor(masterKeys: Buffer[]) {
    if (masterKeys.length === 0) throw new Error('FieldCipher needs at least one key');
    for (const master of masterKeys) this.keys.set(keyId(master), deriveKey(master, 'field-encryption'));
    this.currentKeyId = keyId(masterKeys[0]);
  }

  /** @param context binds the value to its column, so a ciphertext cannot be moved to another field. */
  encrypt(plaintext: string, context: string): string {
    const nonce = randomBytes(NONCE_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.keys.get(this.currentKeyId)!, nonce);
    cipher.setAAD(Buffer.from(context));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return `${PREFIX}:${this.currentKeyId}:${Buffer.concat([nonce, body, cipher.getAuthTag()]).toString('base64url')}`;
  }

  decrypt(value: string, context: string): string {
    const [prefix, id, payload] = value.split(':');
    const key = this.keys.get(id);
    if (prefix !== PREFIX || !key || !payload) throw new Error(`Cannot decrypt a ${context} value: unknown key or format`);
    const raw = Buffer.from(payload, 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, NONCE_BYTES));
    decipher.setAAD(Buffer.from(context));
    decipher.setAuthTag(raw.subarray(raw.length - TAG_BYTES));
    return Buffer.concat([decipher.update(raw.subarray(NONCE_BYTES, raw.length - TAG_BYTES)), decipher.final()]).toString('utf8');
  }

  /** True when the value was written with an older key and should be re-encrypted. */
  needsRotation(value: string): boolean {
    return value.split(':')[1] !== this.currentKeyId;
  }
}

// A keyed hash of a normalised value, so equality lookups (email) never need to decrypt every row.
import { createHmac } from 'node:crypto';
import { deriveKey } from './keys.js';

export class BlindIndex {
  private readonly key: Buffer;

  constructor(masterKey: Buffer) {
    this.key = deriveKey(masterKey, 'blind-index');
  }

  /** @param purpose separates indexes of different fields, so equal values in two columns do not link up. */
  of(value: string, purpose: string): string {
    return createHmac('sha256', this.key).update(`${purpose}\u0000${value.trim().toLowerCase()}`).digest('hex');
  }
}

// Money without floats: decimal strings ("80.50") become integer minor units by the currency's exponent, and back.

/** A fee as typed: digits, optionally a point and up to three decimals (the most any ISO 4217 currency uses). */
export const DECIMAL_AMOUNT = /^\d{1,7}(\.\d{1,3})?$/;

export function isCurrencyCode(code: string): boolean {
  return /^[A-Z]{3}$/.test(code) && Intl.supportedValuesOf('currency').includes(code);
}

/** Digits after the point: 2 for EUR and USD, 0 for JPY, 3 for KWD (ISO 4217, as Intl knows it). */
export function currencyExponent(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/** "80.5" in EUR → 8050; null when it is no amount or has more decimals than the currency allows. */
export function toMinorUnits(amount: string, currency: string): number | null {
  if (!DECIMAL_AMOUNT.test(amount)) return null;
  const exponent = currencyExponent(currency);
  const [whole, fraction = ''] = amount.split('.');
  if (fraction.length > exponent) return null;
  return Number(whole) * 10 ** exponent + Number(fraction.padEnd(exponent, '0') || '0');
}

/** 8050 in EUR → "80.50" (string arithmetic: exact for any amount). */
export function fromMinorUnits(minor: number, currency: string): string {
  const exponent = currencyExponent(currency);
  const digits = String(Math.abs(minor)).padStart(exponent + 1, '0');
  const sign = minor < 0 ? '-' : '';
  return exponent === 0 ? `${sign}${digits}` : `${sign}${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
}

/** "80.50 EUR": unambiguous in every locale, and the standard fonts of a PDF print it. */
export function formatMoney(minor: number, currency: string): string {
  return `${fromMinorUnits(minor, currency)} ${currency}`;
}

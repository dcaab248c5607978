// Amounts as the API keeps them (integer minor units of a currency) and as people read them.

/** Digits after the decimal point of `currency` (2 for EUR, 0 for JPY). */
export function currencyDigits(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/** "€80.00" (in the browser's language) for 8000 minor units of EUR. */
export function formatMoney(minor: number, currency: string): string {
  const digits = currencyDigits(currency);
  return new Intl.NumberFormat(undefined, {
    style: 'currency',
    currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(minor / 10 ** digits);
}

/** A decimal string of the settings ("80", "80.5", "80.00") as integer minor units without floating point; null if not a decimal. */
export function decimalToMinor(value: string | null | undefined, currency: string): number | null {
  const match = /^(\d+)(?:\.(\d+))?$/.exec((value ?? '').trim());
  if (!match) return null;
  const digits = currencyDigits(currency);
  const fraction = (match[2] ?? '').padEnd(digits, '0');
  if (fraction.length > digits) return null;
  return Number(match[1]) * 10 ** digits + Number(fraction || '0');
}

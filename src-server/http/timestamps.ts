// Timestamps as the contract writes them: ISO 8601 UTC with a Z, no milliseconds.
export function isoUtc(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

// Django-style path converters (`<uuid:pk>`, `<date:day>`) turned into Express paths and checked, a mismatch being a 404.
import { isoDate, UUID_PATTERN } from './fields.js';

const CONVERTER = /<(uuid|date|str):([a-z_]+)>/g;

const CHECKS: Record<string, (value: string) => boolean> = {
  uuid: (value) => UUID_PATTERN.test(value),
  // A calendar date that exists: Date.parse alone takes 2025-02-30 as March 2nd.
  date: (value) => isoDate.safeParse(value).success,
  str: (value) => value.length > 0 && value.length <= 200,
};

export function toExpressPath(djangoPath: string): string {
  return djangoPath.replace(CONVERTER, (_match, _type, name: string) => `:${name}`).replace(/\/$/, '');
}

/** Returns false when a parameter does not fit its converter (Django would not have matched the route). */
export function paramsMatch(djangoPath: string, params: Record<string, string>): boolean {
  for (const [, type, name] of djangoPath.matchAll(CONVERTER)) {
    if (!CHECKS[type](params[name] ?? '')) return false;
  }
  return true;
}

// Django-style path converters (`<uuid:pk>`, `<date:day>`) turned into Express paths and checked, a mismatch being a 404.
import { UUID_PATTERN } from './fields.js';

const CONVERTER = /<(uuid|date|str):([a-z_]+)>/g;

const CHECKS: Record<string, (value: string) => boolean> = {
  uuid: (value) => UUID_PATTERN.test(value),
  date: (value) => /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)),
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

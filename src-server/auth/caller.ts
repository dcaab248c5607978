// The caller of an operation whose route requires sign-in: the router has checked it before the handler runs.
import type { Principal } from '../http/route-table.js';

export function caller(principal: Principal | null): Principal {
  if (!principal) throw new Error('an operation that requires sign-in ran without a caller');
  return principal;
}

// The caller of an operation whose route requires sign-in (`user` or `staff`): the router checked it before the handler.
import type { Principal } from './route-table.js';

export function caller(principal: Principal | null): Principal {
  if (!principal) throw new Error('an operation that requires sign-in ran without a caller');
  return principal;
}

// The name an account mail may greet with: only a verified account's, since a pending one's name may be a stranger's words.
import type { UserInstance } from '../db/models/user.js';

export function greetingName(user: UserInstance): string | null {
  return user.is_verified ? user.first_name : null;
}

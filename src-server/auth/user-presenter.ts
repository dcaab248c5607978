// The user object a client sees: the contract's fields and nothing else (never a hash, code or token).
import type { UserInstance } from '../db/models/user.js';
import { isoUtc } from '../http/timestamps.js';

export interface UserJson {
  id: string;
  email: string;
  first_name: string;
  last_name: string;
  phone_number: string | null;
  is_active: boolean;
  is_staff: boolean;
  is_verified: boolean;
  date_joined: string;
  last_login: string | null;
}

export function presentUser(user: UserInstance): UserJson {
  return {
    id: user.id,
    email: user.email,
    first_name: user.first_name,
    last_name: user.last_name,
    phone_number: user.phone_number ?? null,
    is_active: user.is_active,
    is_staff: user.is_staff,
    is_verified: user.is_verified,
    date_joined: isoUtc(user.date_joined),
    last_login: user.last_login ? isoUtc(user.last_login) : null,
  };
}

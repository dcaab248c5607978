// The user object a client sees: the contract's fields and nothing else (never a hash, code or token).
import type * as Api from '../../src-shared/api-types.js';
import type { UserInstance } from '../db/models/user.js';
import { isoUtc } from '../http/timestamps.js';
import type { SignedIn } from './login.js';

export function presentUser(user: UserInstance): Api.User {
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
    time_zone: user.time_zone ?? null,
  };
}

/** A sign-in's answer: the token pair and the account it belongs to. */
export function presentSignedIn({ user, tokens }: SignedIn): Api.SignedIn {
  return { access: tokens.access, refresh: tokens.refresh, user: presentUser(user) };
}

// Builds accounts straight in the database (with real hashing and encryption) and signs tokens for them.
import { hashPassword } from '../../src-server/auth/passwords.js';
import { userEmailIndex } from '../../src-server/auth/user-lookup.js';
import type { UserInstance } from '../../src-server/db/models/user.js';
import type { TestServer } from './test-server.js';

export interface TestAccount {
  user: UserInstance;
  email: string;
  password: string;
  access: string;
  /** `Authorization` header value. */
  bearer: string;
}

let counter = 0;

export async function createAccount(
  ts: TestServer,
  {
    staff = false,
    verified = true,
    active = true,
    email,
    password = 'Correct-Horse-42',
  }: { staff?: boolean; verified?: boolean; active?: boolean; email?: string; password?: string } = {},
): Promise<TestAccount> {
  const core = ts.server.core;
  const address = (email ?? `person${++counter}-${Date.now()}@example.com`).toLowerCase();
  const user = await core.db.write(async (transaction) =>
    core.db.models.User.create(
      {
        email: address,
        email_index: userEmailIndex(core, address),
        password_hash: await hashPassword(password, core.config.passwordHashCost),
        first_name: staff ? 'Thera' : 'Client',
        last_name: staff ? 'Pist' : `Number${counter}`,
        is_staff: staff,
        is_verified: verified,
        is_active: active,
        date_joined: core.clock.now(),
      },
      { transaction },
    ),
  );
  const access = await core.tokens.issueAccess(user.id, user.token_version);
  return { user, email: address, password, access, bearer: `Bearer ${access}` };
}

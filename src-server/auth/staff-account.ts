// Creates the therapist's staff account, or promotes an existing account: used by create-admin and first-run setup.
import type { ServerCore } from '../core.js';
import { USER_EMAIL_INDEX } from '../core.js';
import { ValidationError, type FieldErrors } from '../http/errors.js';
import type { UserInstance } from '../db/models/user.js';
import { hashPassword } from './passwords.js';
import { passwordProblems } from './password-policy.js';

export interface StaffAccountInput {
  email: string;
  password: string;
  first_name?: string;
  last_name?: string;
}

export interface StaffAccountResult {
  user: UserInstance;
  outcome: 'created' | 'promoted';
}

export async function createOrPromoteStaff(core: ServerCore, input: StaffAccountInput): Promise<StaffAccountResult> {
  const email = input.email.trim().toLowerCase();
  const errors: FieldErrors = {};
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) || email.length > 254) errors.email = ['Enter a valid email address.'];
  const problems = passwordProblems(input.password, { email, first_name: input.first_name, last_name: input.last_name });
  if (problems.length > 0) errors.password = problems;
  if (Object.keys(errors).length > 0) throw new ValidationError(errors);

  const passwordHash = await hashPassword(input.password, core.config.passwordHashCost);
  const emailIndex = core.blindIndex.of(email, USER_EMAIL_INDEX);
  return core.db.write(async (transaction) => {
    const existing = await core.db.models.User.findOne({ where: { email_index: emailIndex }, transaction });
    if (existing) {
      await existing.update(
        { is_staff: true, is_active: true, is_verified: true, password_hash: passwordHash, token_version: existing.token_version + 1 },
        { transaction },
      );
      return { user: existing, outcome: 'promoted' };
    }
    const user = await core.db.models.User.create(
      {
        email,
        email_index: emailIndex,
        password_hash: passwordHash,
        first_name: input.first_name?.trim() || 'Therapist',
        last_name: input.last_name?.trim() || '',
        is_staff: true,
        is_verified: true,
        date_joined: core.clock.now(),
      },
      { transaction },
    );
    return { user, outcome: 'created' };
  });
}

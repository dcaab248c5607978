// Creates the therapist's staff account, or promotes an existing account: used by create-admin and first-run setup.
import type { ServerCore } from '../core.js';
import type { UserInstance } from '../db/models/user.js';
import { ValidationError, type FieldErrors } from '../http/errors.js';
import { email as emailField, personName } from '../http/fields.js';
import { hashPassword } from './passwords.js';
import { passwordProblems } from './password-policy.js';
import { revokeEveryToken } from './sessions.js';
import { findUserByEmail, userEmailIndex } from './user-lookup.js';

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
  const parsedEmail = emailField.safeParse(input.email);
  const email = parsedEmail.success ? parsedEmail.data : input.email.trim().toLowerCase();
  const firstName = input.first_name?.trim() || 'Therapist';
  const lastName = input.last_name?.trim() || '';
  const errors: FieldErrors = {};
  if (!parsedEmail.success) errors.email = ['Enter a valid email address.'];
  // The same name rules as everywhere (no control, direction-override or zero-width characters), when a name is given.
  for (const field of ['first_name', 'last_name'] as const) {
    const value = input[field]?.trim();
    const parsed = value ? personName.safeParse(value) : null;
    if (parsed && !parsed.success) errors[field] = parsed.error.issues.map((issue) => issue.message);
  }
  const problems = await passwordProblems(input.password, { email, first_name: input.first_name, last_name: input.last_name });
  if (problems.length > 0) errors.password = problems;
  if (Object.keys(errors).length > 0) throw new ValidationError(errors);

  const passwordHash = await hashPassword(input.password, core.config.passwordHashCost);
  return core.db.write(async (transaction) => {
    const existing = await findUserByEmail(core, email, transaction);
    if (existing) {
      await existing.update({ is_staff: true, is_active: true, is_verified: true, password_hash: passwordHash }, { transaction });
      await revokeEveryToken(existing, transaction);
      return { user: existing, outcome: 'promoted' };
    }
    const user = await core.db.models.User.create(
      {
        email,
        email_index: userEmailIndex(core, email),
        password_hash: passwordHash,
        first_name: firstName,
        last_name: lastName,
        is_staff: true,
        is_verified: true,
        date_joined: core.clock.now(),
      },
      { transaction },
    );
    return { user, outcome: 'created' };
  });
}

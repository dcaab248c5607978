// First-run setup: whether the practice still needs its therapist, and creating that first staff account once.
import { createOrPromoteStaff, type StaffAccountInput } from '../auth/staff-account.js';
import type { PracticeSettingKey } from '../config.js';
import type { ServerCore } from '../core.js';
import type { UserInstance } from '../db/models/user.js';
import { SerialQueue } from '../db/serial-queue.js';
import { Conflict } from '../http/errors.js';

export interface SetupInput extends StaffAccountInput {
  settings: Partial<Record<PracticeSettingKey, string | null>>;
}

export class PracticeSetup {
  /** Two setup requests at once must not both find "no staff yet": they take turns. */
  private readonly turns = new SerialQueue();

  constructor(private readonly core: ServerCore) {}

  async needsSetup(): Promise<boolean> {
    return (await this.core.db.models.User.count({ where: { is_staff: true } })) === 0;
  }

  /**
   * Stores the practice settings, then creates the staff account (create-admin's rules). Settings go first: a
   * rejected setting leaves no account behind, and a rejected password leaves setup open to be sent again.
   */
  complete(input: SetupInput): Promise<UserInstance> {
    return this.turns.run(async () => {
      if (!(await this.needsSetup())) throw new Conflict('This practice is already set up: sign in instead.', 'already_set_up');
      await this.core.settings.update(input.settings);
      const { user } = await createOrPromoteStaff(this.core, input);
      this.core.logger.info({ userId: user.id }, 'first-run setup created the staff account');
      return user;
    });
  }
}

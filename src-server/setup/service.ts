// First-run setup: whether the practice still needs its therapist, and creating that first staff account once.
import { createOrPromoteStaff, type StaffAccountInput } from '../auth/staff-account.js';
import type { SettingKey } from '../settings/setting-rules.js';
import type { ServerCore } from '../core.js';
import type { UserInstance } from '../db/models/user.js';
import { SerialQueue } from '../db/serial-queue.js';
import { Conflict, PermissionDenied } from '../http/errors.js';
import type { Throttle } from '../http/throttle.js';
import type { SetupSecret } from './setup-secret.js';

export interface SetupInput extends StaffAccountInput {
  settings: Partial<Record<SettingKey, string | null>>;
}

/** Wrong setup secrets are counted for everyone together: through a forwarder every caller is "loopback". */
const GUESSES_KEY = 'setup-secret';

export class PracticeSetup {
  /** Two setup requests at once must not both find "no staff yet": they take turns. */
  private readonly turns = new SerialQueue();

  constructor(
    private readonly core: ServerCore,
    private readonly secret: SetupSecret,
    private readonly guesses: Throttle,
  ) {}

  /** True while the practice has no staff account. */
  static async isNeeded(core: ServerCore): Promise<boolean> {
    return (await core.db.models.User.count({ where: { is_staff: true } })) === 0;
  }

  needsSetup(): Promise<boolean> {
    return PracticeSetup.isNeeded(this.core);
  }

  /**
   * Checks the setup secret, stores the practice settings, then creates the staff account (create-admin's rules).
   * Settings go first: a rejected setting leaves no account behind, and a rejected password leaves setup open to be
   * sent again. Once the account exists, the secret is dead.
   */
  complete(input: SetupInput, typedSecret: string | undefined): Promise<UserInstance> {
    return this.turns.run(async () => {
      if (!(await this.needsSetup())) throw new Conflict('This practice is already set up: sign in instead.', 'already_set_up');
      await this.requireSecret(typedSecret);
      await this.core.settings.update(input.settings);
      const { user } = await createOrPromoteStaff(this.core, input);
      this.secret.retire();
      this.core.logger.info({ userId: user.id }, 'first-run setup created the staff account');
      return user;
    });
  }

  private async requireSecret(typed: string | undefined): Promise<void> {
    await this.guesses.check(GUESSES_KEY);
    if (this.secret.matches(typed)) return;
    await this.guesses.hit(GUESSES_KEY);
    throw new PermissionDenied(
      "The setup secret is missing or wrong. The practice computer shows it: in the desktop app's window, or on the server's console and in its log since it started.",
      'setup_secret_invalid',
    );
  }
}

// A client's time zone comes from their browser: set once at sign-up / sign-in while the account has none, so mails
// and pages can show their local time beside the practice's.
import type { SignedIn } from '@shared/api-types';
import { authApi } from '../../api/auth';
import { sessionStore } from '../../api/session';
import { browserZone } from '../../lib/practice-time';

export function adoptBrowserZone(signedIn: SignedIn): void {
  if (signedIn.user.time_zone || signedIn.user.is_staff) return;
  // Best effort: the account works the same without it; the practice time is always shown.
  authApi
    .updateProfile({ time_zone: browserZone() })
    .then(({ user }) => sessionStore.updateUser(user))
    .catch(() => undefined);
}

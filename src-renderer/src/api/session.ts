// The signed-in session (tokens and user) kept in localStorage, observable by React through useSyncExternalStore.
import type { SignedIn, TokenPair, User } from '@shared/api-types';

export interface Session {
  access: string;
  refresh: string;
  user: User;
}

const STORAGE_KEY = 'practice.session';

type Listener = () => void;
const listeners = new Set<Listener>();

function load(): Session | null {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    return stored ? (JSON.parse(stored) as Session) : null;
  } catch {
    return null;
  }
}

let current: Session | null = load();
/** Why the last session ended when the user did not ask for it (shown on the sign-in page). */
let endedReason: string | null = null;

function notify(): void {
  listeners.forEach((listener) => listener());
}

function publish(next: Session | null): void {
  current = next;
  if (next) localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
  else localStorage.removeItem(STORAGE_KEY);
  notify();
}

/** Takes what is stored now: another tab signed in or out, or rotated the tokens. */
function adoptStored(): void {
  const stored = load();
  if (JSON.stringify(stored) === JSON.stringify(current)) return;
  current = stored;
  notify();
}

window.addEventListener('storage', (event) => {
  if (event.key === STORAGE_KEY) adoptStored();
});

export const sessionStore = {
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  get(): Session | null {
    return current;
  },
  /** Reads the stored session again: another tab may have rotated the tokens a moment ago. */
  reload(): Session | null {
    adoptStored();
    return current;
  },
  signIn({ access, refresh, user }: SignedIn): void {
    endedReason = null;
    publish({ access, refresh, user });
  },
  /** Refresh rotates the pair: the new refresh token replaces the old, which is dead from now on. */
  replaceTokens({ access, refresh }: TokenPair): void {
    if (current) publish({ ...current, access, refresh });
  },
  updateUser(user: User): void {
    if (current) publish({ ...current, user });
  },
  end(reason: string | null = null): void {
    endedReason = reason;
    publish(null);
  },
  takeEndedReason(): string | null {
    const reason = endedReason;
    endedReason = null;
    return reason;
  },
};

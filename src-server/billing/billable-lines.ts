// Which sessions can be billed and for what: attended → session fee (or the client's), late cancellation, no-show.
import type { BillableKind } from '../db/models/invoice-line.js';
import type { SessionFacts } from '../meetings/client-sessions.js';

/** The kind of charge a session is, or why it cannot be billed. */
export function billableKind(session: SessionFacts): BillableKind | string {
  if (session.status === 'cancelled')
    return session.lateCancellation ? 'late_cancellation' : 'was cancelled in time, so there is nothing to bill';
  if (session.status !== 'scheduled') return `is ${session.status.replace('_', ' ')}, not a session`;
  if (session.attendance === 'attended') return 'session';
  if (session.attendance === 'no_show') return 'no_show';
  return 'has no attendance recorded yet';
}

export const LINE_DESCRIPTIONS: Record<BillableKind, string> = {
  session: 'Therapy session',
  late_cancellation: 'Late cancellation fee',
  no_show: 'Missed session (no-show) fee',
};

export function isBillable(kind: BillableKind | string): kind is BillableKind {
  return kind in LINE_DESCRIPTIONS;
}

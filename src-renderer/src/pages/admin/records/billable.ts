// Which of a client's sessions can be billed and at what fee, mirroring the server's rules (billing/billable-lines.ts):
// attended → session fee (or the client's own), late-cancelled → late-cancellation fee, no-show → no-show fee, and
// only while no other invoice that is not void holds the session. The server prices the draft; this is its preview.
import type { Appointment, BillableKind, ClientRecord, SettingsResponse } from '@shared/api-types';
import { decimalToMinor } from '../../../lib/money';

export const KIND_LABELS: Record<BillableKind, string> = { session: 'Session', late_cancellation: 'Late cancellation', no_show: 'No-show' };

export function billableKind(session: Appointment): BillableKind | null {
  if (session.status === 'scheduled' && session.attendance === 'attended') return 'session';
  if (session.status === 'scheduled' && session.attendance === 'no_show') return 'no_show';
  if (session.status === 'cancelled' && session.late_cancellation) return 'late_cancellation';
  return null;
}

/** Sessions already on an invoice that is not void. */
export function invoicedSessions(record: ClientRecord): Set<string> {
  return new Set(
    record.invoices.filter((invoice) => invoice.status !== 'void').flatMap((invoice) => invoice.lines.map((line) => line.appointment)),
  );
}

export interface BillableSession {
  session: Appointment;
  kind: BillableKind;
  /** The expected amount in minor units; null when the fee setting is not a decimal. */
  amountMinor: number | null;
}

export function billableSessions(record: ClientRecord, settings: SettingsResponse): BillableSession[] {
  const currency = settings.currency.value ?? 'EUR';
  const fees: Record<BillableKind, string | null> = {
    session: record.fee ?? settings.session_fee.value,
    late_cancellation: settings.late_cancellation_fee.value,
    no_show: settings.no_show_fee.value,
  };
  const taken = invoicedSessions(record);
  return record.sessions
    .filter((session) => !taken.has(session.id))
    .flatMap((session) => {
      const kind = billableKind(session);
      return kind ? [{ session, kind, amountMinor: decimalToMinor(fees[kind] ?? '0', currency) }] : [];
    })
    .sort((a, b) => (a.session.scheduled_datetime ?? '').localeCompare(b.session.scheduled_datetime ?? ''));
}

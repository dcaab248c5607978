// The invoice builder on a client's record: tick billable sessions (attended, late-cancelled, no-show, not yet
// invoiced), see the lines and total, and create a draft that is then issued from the invoice list.
import { useState } from 'react';
import type { ClientRecord, SettingsResponse } from '@shared/api-types';
import { Empty } from '../../../components/States';
import { useCreateDraft } from '../../../features/billing/use-invoice-actions';
import { onSubmit, toggled } from '../../../lib/forms';
import { formatMoney } from '../../../lib/money';
import { formatDateTime } from '../../../lib/practice-time';
import { billableSessions, KIND_LABELS } from './billable';

export function InvoiceBuilder({ record, settings, zone }: { record: ClientRecord; settings: SettingsResponse; zone: string }) {
  const currency = settings.currency.value ?? 'EUR';
  const billable = billableSessions(record, settings);
  const [chosen, setChosen] = useState<string[]>([]);
  const create = useCreateDraft(() => setChosen([]));
  const picked = billable.filter((item) => chosen.includes(item.session.id));
  const total = picked.reduce((sum, item) => sum + (item.amountMinor ?? 0), 0);
  return (
    <form
      className="card stack"
      aria-labelledby="builder-title"
      onSubmit={onSubmit(() => create.mutate({ client: record.id, appointments: chosen }))}
      noValidate
    >
      <h2 id="builder-title">New invoice</h2>
      {billable.length === 0 ? (
        <Empty title="Nothing to bill">
          Sessions appear here once attendance is recorded (attended or no-show), or after a late cancellation.
        </Empty>
      ) : (
        <>
          <fieldset>
            <legend>Sessions to bill</legend>
            <div className="check-list">
              {billable.map(({ session, kind, amountMinor }) => (
                <label key={session.id} className="check-row billable-row">
                  <input
                    type="checkbox"
                    checked={chosen.includes(session.id)}
                    onChange={() => setChosen((current) => toggled(current, session.id))}
                  />
                  <span className="billable-when">
                    {session.scheduled_datetime ? formatDateTime(session.scheduled_datetime, zone) : '—'}
                  </span>
                  <span className="billable-kind">{KIND_LABELS[kind]}</span>
                  <span className="amount">{amountMinor === null ? '—' : formatMoney(amountMinor, currency)}</span>
                </label>
              ))}
            </div>
          </fieldset>
          <p className="invoice-total" aria-live="polite">
            {picked.length === 0
              ? 'Tick the sessions to bill.'
              : `${picked.length} ${picked.length === 1 ? 'line' : 'lines'} · total ${formatMoney(total, currency)}`}
          </p>
          <p className="muted small">
            Fees from the practice profile{record.fee ? ' (this client has their own session fee)' : ''}. The draft gets its number when it
            is issued.
          </p>
          <div>
            <button type="submit" className="button primary" disabled={chosen.length === 0 || create.isPending}>
              {create.isPending ? 'Creating…' : 'Create draft invoice'}
            </button>
          </div>
        </>
      )}
    </form>
  );
}

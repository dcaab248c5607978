// The invoice object of the contract: ids, status, lines with amounts in minor units, total; no names, no notes.
import { DateTime } from 'luxon';
import type * as Api from '../../src-shared/api-types.js';
import { isoUtc } from '../http/timestamps.js';
import { LINE_DESCRIPTIONS } from './billable-lines.js';
import type { InvoiceWithLines } from './invoices.js';

export function presentInvoice({ invoice, lines }: InvoiceWithLines, timeZone: string): Api.Invoice {
  return {
    id: invoice.id,
    number: invoice.number ?? null,
    status: invoice.status,
    client: invoice.client_id,
    currency: invoice.currency,
    lines: lines.map((line) => ({
      appointment: line.appointment_id,
      date: DateTime.fromJSDate(line.session_start, { zone: timeZone }).toISODate(),
      duration_minutes: line.duration_minutes,
      kind: line.kind,
      description: LINE_DESCRIPTIONS[line.kind],
      amount_minor: line.amount_minor,
    })),
    total_minor: invoice.total_minor,
    issued_at: invoice.issued_at ? isoUtc(invoice.issued_at) : null,
    paid_on: invoice.paid_on ?? null,
    voided_at: invoice.voided_at ? isoUtc(invoice.voided_at) : null,
    created_at: isoUtc(invoice.created_at),
  };
}

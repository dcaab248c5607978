// The client record as a readable PDF for a records request: details, sessions, notes with addenda, invoices.
import { DateTime } from 'luxon';
import { formatMoney } from '../billing/money.js';
import { FONT, newPdfDocument, pdfBytes } from '../billing/pdf-document.js';
import type { ClientExport } from './export.js';

const FIELD_LABELS: Record<string, string> = {
  subjective: 'Subjective',
  objective: 'Objective',
  assessment: 'Assessment',
  plan: 'Plan',
  data: 'Data',
  text: 'Note',
};

export async function renderRecordPdf(record: ClientExport, now: Date): Promise<Buffer> {
  const zone = record.practice.time_zone;
  const when = (iso: string | null) => (iso ? DateTime.fromISO(iso, { zone }).toFormat('yyyy-MM-dd HH:mm') : '—');
  const { client } = record;
  const doc = await newPdfDocument(`Client record: ${client.first_name} ${client.last_name}`, now);
  const heading = (text: string) => doc.moveDown().font(FONT.bold).fontSize(13).text(text).font(FONT.regular).fontSize(10).moveDown(0.3);

  doc.font(FONT.bold).fontSize(16).text(`Client record: ${client.first_name} ${client.last_name}`);
  doc.font(FONT.regular).fontSize(10);
  doc.text(`${record.practice.name ?? 'Practice'}${record.practice.therapist ? ` · ${record.practice.therapist}` : ''}`);
  doc.text(`Exported ${when(record.exported_at)} (${zone})`);

  heading('Details');
  doc.text(`Email: ${client.email}`);
  doc.text(`Phone: ${client.phone_number ?? '—'}`);
  doc.text(`Client since: ${when(client.date_joined)}`);
  doc.text(
    `Sessions: ${client.past_sessions} past, ${client.upcoming_sessions} upcoming, ${client.no_shows} no-shows, ${client.late_cancellations} late cancellations`,
  );
  if (client.fee) doc.text(`Fee: ${client.fee}`);

  heading(`Sessions and requests (${record.sessions.length})`);
  for (const session of record.sessions) {
    const time = session.scheduled_datetime
      ? `${when(session.scheduled_datetime)}, ${session.scheduled_duration} min`
      : `requested ${when(session.created_at)}`;
    const attendance = session.attendance
      ? `, ${session.attendance.replace('_', '-')}`
      : session.late_cancellation
        ? ', late cancellation'
        : '';
    doc.text(`${time}: ${session.status_display}${attendance}`);
    if (session.reason) doc.text(`Reason given: ${session.reason}`, { indent: 12 });
  }

  heading(`Session notes (${record.notes.length})`);
  const sessionTimes = new Map(record.sessions.map((session) => [session.id, session.scheduled_datetime]));
  for (const note of record.notes) {
    doc
      .font(FONT.bold)
      .text(`Session of ${when(sessionTimes.get(note.appointment) ?? null)} (${note.template.toUpperCase()})`)
      .font(FONT.regular);
    for (const [name, value] of Object.entries(note.fields)) if (value) doc.text(`${FIELD_LABELS[name] ?? name}: ${value}`, { indent: 12 });
    doc.text(note.signed_at ? `Signed ${when(note.signed_at)}` : 'Not signed', { indent: 12 });
    for (const addendum of note.addenda) doc.text(`Addendum ${when(addendum.created_at)}: ${addendum.text}`, { indent: 12 });
    doc.moveDown(0.5);
  }

  heading(`Invoices (${record.invoices.length})`);
  for (const invoice of record.invoices) {
    doc.text(
      `${invoice.number ?? 'Draft'}: ${invoice.status}, ${formatMoney(invoice.total_minor, invoice.currency)}${invoice.paid_on ? `, paid ${invoice.paid_on}` : ''}`,
    );
  }
  return pdfBytes(doc);
}

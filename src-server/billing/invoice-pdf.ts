// The invoice as a PDF: practice profile, client, one row per session (date in the practice zone, service, duration, amount), total.
import { DateTime } from 'luxon';
import { formatMoney } from './money.js';
import { FONT, newPdfDocument, pdfBytes } from './pdf-document.js';
import type { PracticeProfile } from './practice-profile.js';

export interface InvoicePdfLine {
  start: Date;
  durationMinutes: number;
  description: string;
  amountMinor: number;
}

export interface InvoicePdfContent {
  number: string | null;
  status: 'draft' | 'issued' | 'paid' | 'void';
  issuedAt: Date | null;
  paidOn: string | null;
  currency: string;
  totalMinor: number;
  client: { name: string; email: string };
  lines: InvoicePdfLine[];
  practice: PracticeProfile;
  createdAt: Date;
}

const COLUMNS = { date: 0, service: 90, duration: 300, amount: 380 };
const AMOUNT_WIDTH = 103;

export function invoiceTitle(content: Pick<InvoicePdfContent, 'number'>): string {
  return content.number ? `Invoice ${content.number}` : 'Invoice (draft)';
}

export async function renderInvoicePdf(content: InvoicePdfContent): Promise<Buffer> {
  const { practice } = content;
  const doc = await newPdfDocument(invoiceTitle(content), content.issuedAt ?? content.createdAt);
  const left = doc.page.margins.left;
  const day = (date: Date) => DateTime.fromJSDate(date, { zone: practice.timeZone }).toISODate()!;

  doc
    .font(FONT.bold)
    .fontSize(16)
    .text(practice.practiceName ?? 'Practice');
  doc.font(FONT.regular).fontSize(10);
  for (const line of [
    practice.therapistName,
    practice.address,
    [practice.phone, practice.website].filter(Boolean).join('  ·  '),
    practice.taxId ? `Tax ID: ${practice.taxId}` : null,
  ]) {
    if (line) doc.text(line);
  }
  doc.moveDown(1.5);

  doc.font(FONT.bold).fontSize(14).text(invoiceTitle(content));
  doc.font(FONT.regular).fontSize(10);
  if (content.issuedAt) doc.text(`Date of issue: ${day(content.issuedAt)}`);
  if (content.status === 'draft') doc.text('Draft: not yet issued, no number assigned.');
  if (content.status === 'void') doc.text('VOID: this invoice has been cancelled.');
  if (content.status === 'paid' && content.paidOn) doc.text(`Paid on ${content.paidOn}. Thank you.`);
  doc.moveDown();

  doc.font(FONT.bold).text('Bill to');
  doc.font(FONT.regular).text(content.client.name).text(content.client.email);
  doc.moveDown(1.5);

  const row = (cells: { date: string; service: string; duration: string; amount: string }, bold = false) => {
    const y = doc.y;
    doc.font(bold ? FONT.bold : FONT.regular);
    doc.text(cells.date, left + COLUMNS.date, y, { width: 85 });
    doc.text(cells.service, left + COLUMNS.service, y, { width: 205 });
    doc.text(cells.duration, left + COLUMNS.duration, y, { width: 75 });
    doc.text(cells.amount, left + COLUMNS.amount, y, { width: AMOUNT_WIDTH, align: 'right' });
    doc.x = left;
    doc.moveDown(0.4);
  };
  row({ date: 'Date', service: 'Service', duration: 'Duration', amount: 'Amount' }, true);
  for (const line of content.lines) {
    row({
      date: day(line.start),
      service: line.description,
      duration: `${line.durationMinutes} min`,
      amount: formatMoney(line.amountMinor, content.currency),
    });
  }
  doc.moveDown(0.5);
  row({ date: '', service: 'Total', duration: '', amount: formatMoney(content.totalMinor, content.currency) }, true);
  doc.moveDown(1.5);

  if (practice.paymentDetails && content.status !== 'void') {
    doc.font(FONT.bold).text('Payment details', left);
    doc.font(FONT.regular).text(practice.paymentDetails);
    if (content.number) doc.text(`Please quote ${content.number} with your payment.`);
  }
  return pdfBytes(doc);
}

// Invoices: a draft from billable sessions, issue (yearly gap-free number, PDF mailed), mark paid, void; each in one transaction.
import { DateTime } from 'luxon';
import { Op, type Transaction, type WhereOptions } from 'sequelize';
import { recordAudit } from '../audit/audit-log.js';
import { clientFee } from '../clients/client-fees.js';
import type { ServerCore } from '../core.js';
import type { InvoiceAttributes, InvoiceInstance, InvoiceStatus } from '../db/models/invoice.js';
import type { BillableKind, InvoiceLineInstance } from '../db/models/invoice-line.js';
import { Conflict, NotFound, ValidationError } from '../http/errors.js';
import type { Principal } from '../http/route-table.js';
import { invoiceIssuedMail } from '../mail/templates/invoice-issued.js';
import { sessionFacts } from '../meetings/client-sessions.js';
import { billableKind, isBillable, LINE_DESCRIPTIONS } from './billable-lines.js';
import { renderInvoicePdf } from './invoice-pdf.js';
import { formatMoney, toMinorUnits } from './money.js';
import { practiceProfile, type PracticeProfile } from './practice-profile.js';

export interface InvoiceWithLines {
  invoice: InvoiceInstance;
  lines: InvoiceLineInstance[];
}

export interface InvoiceQuery {
  status?: InvoiceStatus;
  client?: string;
  offset: number;
  limit: number;
}

/** What a client sees of their invoices: issued ones (paid included), never drafts or voided ones. */
const CLIENT_VISIBLE: InvoiceStatus[] = ['issued', 'paid'];

/** Invoices with their lines, fetched in one query for the whole page (not one per invoice). */
async function withLines(core: ServerCore, invoices: InvoiceInstance[]): Promise<InvoiceWithLines[]> {
  if (invoices.length === 0) return [];
  const lines = await core.db.models.InvoiceLine.findAll({
    where: { invoice_id: { [Op.in]: invoices.map((invoice) => invoice.id) } },
    order: [['position', 'ASC']],
  });
  return invoices.map((invoice) => ({ invoice, lines: lines.filter((line) => line.invoice_id === invoice.id) }));
}

async function linesOf(core: ServerCore, invoiceId: string, transaction?: Transaction): Promise<InvoiceLineInstance[]> {
  return core.db.models.InvoiceLine.findAll({ where: { invoice_id: invoiceId }, order: [['position', 'ASC']], transaction });
}

function feeInMinorUnits(fee: string, currency: string, setting: string): number {
  const minor = toMinorUnits(fee, currency);
  if (minor === null)
    throw new ValidationError({
      non_field_errors: [`The ${setting} "${fee}" is not an amount in ${currency}; correct it in the practice profile.`],
    });
  return minor;
}

export async function createDraft(
  core: ServerCore,
  actorId: string,
  clientId: string,
  appointmentIds: string[],
): Promise<InvoiceWithLines> {
  const profile = await practiceProfile(core);
  const { Invoice, InvoiceLine, User } = core.db.models;
  return core.db.write(async (transaction) => {
    const client = await User.findByPk(clientId, { attributes: ['id', 'is_staff'], transaction });
    if (!client || client.is_staff) throw ValidationError.field('client', 'No client with this id.');
    const override = await clientFee(core, clientId, transaction);
    // Only the fees this invoice uses must be valid amounts in the currency.
    const fee = (kind: BillableKind): number =>
      kind === 'session'
        ? feeInMinorUnits(override ?? profile.sessionFee, profile.currency, override ? "client's fee" : 'session fee')
        : kind === 'late_cancellation'
          ? feeInMinorUnits(profile.lateCancellationFee, profile.currency, 'late cancellation fee')
          : feeInMinorUnits(profile.noShowFee, profile.currency, 'no-show fee');
    const problems: string[] = [];
    const billable: { id: string; kind: BillableKind; start: Date; duration: number }[] = [];
    for (const id of appointmentIds) {
      const session = await sessionFacts(core, id, transaction);
      if (!session || session.clientId !== clientId) {
        problems.push(`${id} is not a session of this client.`);
        continue;
      }
      const kind = billableKind(session);
      if (!isBillable(kind) || !session.start || !session.durationMinutes)
        problems.push(`${id} ${isBillable(kind) ? 'has no time' : kind}.`);
      else billable.push({ id, kind, start: session.start, duration: session.durationMinutes });
    }
    if (problems.length > 0) throw new ValidationError({ appointments: problems });
    const earlierLines = await InvoiceLine.findAll({
      attributes: ['appointment_id', 'invoice_id'],
      where: { appointment_id: { [Op.in]: appointmentIds } },
      transaction,
    });
    const liveInvoices = new Set(
      (
        await Invoice.findAll({
          attributes: ['id'],
          where: { id: { [Op.in]: earlierLines.map((line) => line.invoice_id) }, status: { [Op.ne]: 'void' } },
          transaction,
        })
      ).map((row) => row.id),
    );
    const alreadyBilled = earlierLines.filter((line) => liveInvoices.has(line.invoice_id));
    if (alreadyBilled.length > 0) {
      throw new Conflict(
        `Already on an invoice: ${alreadyBilled.map((line) => line.appointment_id).join(', ')}. Void that invoice first.`,
        'already_invoiced',
      );
    }
    billable.sort((a, b) => a.start.getTime() - b.start.getTime());
    const now = core.clock.now();
    const invoice = await Invoice.create(
      {
        client_id: clientId,
        status: 'draft',
        currency: profile.currency,
        total_minor: billable.reduce((sum, line) => sum + fee(line.kind), 0),
        created_at: now,
        updated_at: now,
      },
      { transaction },
    );
    const lines = await InvoiceLine.bulkCreate(
      billable.map((line, position) => ({
        invoice_id: invoice.id,
        appointment_id: line.id,
        position,
        kind: line.kind,
        session_start: line.start,
        duration_minutes: line.duration,
        amount_minor: fee(line.kind),
      })),
      { transaction },
    );
    await recordAudit(core, transaction, { actor: actorId, action: 'invoice.create', record_type: 'invoice', record_id: invoice.id });
    return { invoice, lines };
  });
}

/** Staff see every invoice; a client only their own issued ones; anything else is not found. */
async function visibleInvoice(core: ServerCore, caller: Principal, id: string, transaction?: Transaction): Promise<InvoiceInstance> {
  const invoice = await core.db.models.Invoice.findByPk(id, { transaction });
  if (!invoice) throw new NotFound();
  if (!caller.isStaff && (invoice.client_id !== caller.id || !CLIENT_VISIBLE.includes(invoice.status))) throw new NotFound();
  return invoice;
}

export async function getInvoice(core: ServerCore, caller: Principal, id: string): Promise<InvoiceWithLines> {
  const invoice = await visibleInvoice(core, caller, id);
  return { invoice, lines: await linesOf(core, invoice.id) };
}

export async function listInvoices(
  core: ServerCore,
  caller: Principal,
  query: InvoiceQuery,
): Promise<{ count: number; rows: InvoiceWithLines[] }> {
  const where: WhereOptions<InvoiceAttributes> = caller.isStaff
    ? { ...(query.status ? { status: query.status } : {}), ...(query.client ? { client_id: query.client } : {}) }
    : {
        client_id: caller.id,
        status: query.status ? (CLIENT_VISIBLE.includes(query.status) ? query.status : 'none') : { [Op.in]: CLIENT_VISIBLE },
      };
  const { count, rows } = await core.db.models.Invoice.findAndCountAll({
    where,
    order: [
      ['created_at', 'DESC'],
      ['id', 'DESC'],
    ],
    offset: query.offset,
    limit: query.limit,
  });
  return { count, rows: await withLines(core, rows) };
}

/** Every invoice of a client (their record, their export), newest first. */
export async function invoicesOfClient(core: ServerCore, clientId: string): Promise<InvoiceWithLines[]> {
  const invoices = await core.db.models.Invoice.findAll({
    where: { client_id: clientId },
    order: [
      ['created_at', 'DESC'],
      ['id', 'DESC'],
    ],
  });
  return withLines(core, invoices);
}

export async function hasInvoices(core: ServerCore, clientId: string, transaction?: Transaction): Promise<boolean> {
  return (await core.db.models.Invoice.count({ where: { client_id: clientId }, transaction })) > 0;
}

/**
 * The next number of the year, taken inside the issuing transaction: the database's single writer (and
 * PostgreSQL's advisory lock) serialises issuing, so two invoices never share a number and none is skipped.
 * Voided invoices keep their numbers, so the counter only ever moves up.
 */
async function nextNumber(core: ServerCore, year: number, transaction: Transaction): Promise<string> {
  const { InvoiceCounter } = core.db.models;
  const counter = await InvoiceCounter.findByPk(year, { transaction });
  const next = (counter?.last_number ?? 0) + 1;
  if (counter) await counter.update({ last_number: next }, { transaction });
  else await InvoiceCounter.create({ year, last_number: next }, { transaction });
  return `${year}-${String(next).padStart(4, '0')}`;
}

/** The invoice an action applies to, which must be in the one status that action starts from (else 409). */
async function invoiceInStatus(
  core: ServerCore,
  id: string,
  expected: InvoiceStatus,
  done: string,
  transaction: Transaction,
): Promise<InvoiceInstance> {
  const invoice = await core.db.models.Invoice.findByPk(id, { transaction });
  if (!invoice) throw new NotFound();
  if (invoice.status !== expected)
    throw new Conflict(
      `Only ${expected === 'issued' ? 'an issued invoice' : 'a draft'} can be ${done}; this one is ${invoice.status}.`,
      'invalid_status',
    );
  return invoice;
}

export async function issueInvoice(core: ServerCore, actorId: string, id: string): Promise<InvoiceWithLines> {
  const profile = await practiceProfile(core);
  return core.db.write(async (transaction) => {
    const invoice = await invoiceInStatus(core, id, 'draft', 'issued', transaction);
    const now = core.clock.now();
    const number = await nextNumber(core, DateTime.fromJSDate(now, { zone: profile.timeZone }).year, transaction);
    await invoice.update({ status: 'issued', number, issued_at: now, updated_at: now }, { transaction });
    const lines = await linesOf(core, invoice.id, transaction);
    const client = await core.db.models.User.findByPk(invoice.client_id, { rejectOnEmpty: true, transaction });
    const pdf = await renderInvoicePdf(pdfContent(invoice, lines, profile, client));
    const mail = invoiceIssuedMail({
      firstName: client.first_name,
      number,
      total: formatMoney(invoice.total_minor, invoice.currency),
      paymentDetails: profile.paymentDetails,
      practiceName: profile.practiceName,
    });
    await core.outbox.queue(
      {
        to: client.email,
        ...mail,
        attachments: [
          { filename: `invoice-${number}.pdf`, content: pdf.toString('base64'), encoding: 'base64', contentType: 'application/pdf' },
        ],
      },
      transaction,
    );
    await recordAudit(core, transaction, { actor: actorId, action: 'invoice.issue', record_type: 'invoice', record_id: invoice.id });
    return { invoice, lines };
  });
}

/** A payment received on `paidOn` (YYYY-MM-DD): not a day still to come in the practice's time zone. */
export async function markPaid(core: ServerCore, actorId: string, id: string, paidOn: string): Promise<InvoiceWithLines> {
  const today = DateTime.fromJSDate(core.clock.now(), { zone: await core.settings.timeZone() }).toISODate()!;
  if (paidOn > today) throw ValidationError.field('paid_on', 'A payment cannot be received in the future.');
  return core.db.write(async (transaction) => {
    const invoice = await invoiceInStatus(core, id, 'issued', 'marked paid', transaction);
    await invoice.update({ status: 'paid', paid_on: paidOn, updated_at: core.clock.now() }, { transaction });
    await recordAudit(core, transaction, { actor: actorId, action: 'invoice.mark_paid', record_type: 'invoice', record_id: invoice.id });
    return { invoice, lines: await linesOf(core, invoice.id, transaction) };
  });
}

/** Cancels an issued invoice; it keeps its number (never given out again) and frees its sessions for a new invoice. */
export async function voidInvoice(core: ServerCore, actorId: string, id: string): Promise<InvoiceWithLines> {
  return core.db.write(async (transaction) => {
    const invoice = await invoiceInStatus(core, id, 'issued', 'voided', transaction);
    const now = core.clock.now();
    await invoice.update({ status: 'void', voided_at: now, updated_at: now }, { transaction });
    await recordAudit(core, transaction, { actor: actorId, action: 'invoice.void', record_type: 'invoice', record_id: invoice.id });
    return { invoice, lines: await linesOf(core, invoice.id, transaction) };
  });
}

export async function invoicePdf(core: ServerCore, caller: Principal, id: string): Promise<{ filename: string; pdf: Buffer }> {
  const invoice = await visibleInvoice(core, caller, id);
  const lines = await linesOf(core, invoice.id);
  const client = await core.db.models.User.findByPk(invoice.client_id, { rejectOnEmpty: true });
  const pdf = await renderInvoicePdf(pdfContent(invoice, lines, await practiceProfile(core), client));
  return { filename: `invoice-${invoice.number ?? 'draft'}.pdf`, pdf };
}

function pdfContent(
  invoice: InvoiceInstance,
  lines: InvoiceLineInstance[],
  practice: PracticeProfile,
  client: { first_name: string; last_name: string; email: string },
) {
  return {
    number: invoice.number,
    status: invoice.status,
    issuedAt: invoice.issued_at,
    paidOn: invoice.paid_on,
    currency: invoice.currency,
    totalMinor: invoice.total_minor,
    client: { name: `${client.first_name} ${client.last_name}`, email: client.email },
    lines: lines.map((line) => ({
      start: line.session_start,
      durationMinutes: line.duration_minutes,
      description: LINE_DESCRIPTIONS[line.kind],
      amountMinor: line.amount_minor,
    })),
    practice,
    createdAt: invoice.created_at,
  };
}

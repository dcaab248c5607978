// The persistent outbox: a mail is a row written in the same transaction as the change that causes it, so none is lost.
import { EventEmitter } from 'node:events';
import { Op, type Transaction } from 'sequelize';
import type { Clock } from '../clock.js';
import type { Database } from '../db/database.js';
import type { OutboxMailInstance, OutboxStatus } from '../db/models/outbox-mail.js';
import { Conflict, NotFound } from '../http/errors.js';

export interface MailAttachment {
  filename: string;
  content: string;
  contentType: string;
  /** 'base64' when `content` is binary (a PDF) written as base64 text. */
  encoding?: 'base64';
}

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
  attachments?: MailAttachment[];
}

/** When a queued mail may go out, and what it is about (so a later change can withdraw it). */
export interface MailTiming {
  /** Never delivered before this time. */
  notBefore?: Date;
  /** Dropped (status `expired`) instead of delivered from this time on. */
  notAfter?: Date;
  reference?: string;
}

/** How long a claimed mail belongs to the worker that claimed it; a claim older than this was cut off by a crash. */
export const SENDING_LEASE_MS = 10_000;

export interface MailBody {
  text: string;
  html?: string;
  attachments?: MailAttachment[];
}

export class Outbox {
  private readonly events = new EventEmitter();

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {}

  /** Queues a mail inside `transaction`; the delivery worker is woken once that transaction commits. */
  async queue(message: MailMessage, transaction: Transaction, timing: MailTiming = {}): Promise<void> {
    const body: MailBody = { text: message.text, html: message.html, attachments: message.attachments };
    const now = this.clock.now();
    const notBefore = timing.notBefore && timing.notBefore > now ? timing.notBefore : null;
    await this.db.models.OutboxMail.create(
      {
        recipient: message.to,
        subject: message.subject,
        body: JSON.stringify(body),
        status: 'queued',
        next_attempt_at: notBefore ?? now,
        not_before: notBefore,
        not_after: timing.notAfter ?? null,
        reference: timing.reference ?? null,
      },
      { transaction },
    );
    transaction.afterCommit(() => {
      this.events.emit('queued');
    });
  }

  /** Withdraws the still-queued mails about `reference` (a cancelled session's reminders); returns how many. */
  async withdraw(reference: string, transaction: Transaction): Promise<number> {
    return this.db.models.OutboxMail.destroy({ where: { reference, status: 'queued' }, transaction });
  }

  /**
   * Removes every mail to `address` (queued, sent or failed), so a deleted account's address leaves no trace here.
   * Recipients are encrypted, so the rows are read and compared here: a rare staff action, on a table of modest size.
   */
  async forgetRecipient(address: string, transaction: Transaction): Promise<number> {
    const wanted = address.trim().toLowerCase();
    const rows = await this.db.models.OutboxMail.findAll({ attributes: ['id', 'recipient'], transaction });
    const ids = rows.filter((row) => row.recipient.trim().toLowerCase() === wanted).map((row) => row.id);
    if (ids.length === 0) return 0;
    return this.db.models.OutboxMail.destroy({ where: { id: ids }, transaction });
  }

  onQueued(listener: () => void): () => void {
    this.events.on('queued', listener);
    return () => this.events.off('queued', listener);
  }

  async list(options: { status?: OutboxStatus; offset: number; limit: number }): Promise<{ count: number; rows: OutboxMailInstance[] }> {
    return this.db.models.OutboxMail.findAndCountAll({
      where: options.status ? { status: options.status } : {},
      order: [['created_at', 'DESC']],
      offset: options.offset,
      limit: options.limit,
    });
  }

  /** Puts a failed mail back in the queue for delivery now. */
  async retry(id: string): Promise<OutboxMailInstance> {
    const mail = await this.db.write(async (transaction) => {
      const row = await this.db.models.OutboxMail.findByPk(id, { transaction });
      if (!row) throw new NotFound();
      if (row.status !== 'failed') throw new Conflict(`Only a failed mail can be retried; this one is ${row.status}.`, 'invalid_status');
      await row.update({ status: 'queued', next_attempt_at: this.clock.now(), last_error: null }, { transaction });
      transaction.afterCommit(() => {
        this.events.emit('queued');
      });
      return row;
    });
    return mail;
  }

  /**
   * Mails left mid-delivery by a crash go back to the queue (at-least-once delivery). Only another worker's claims
   * older than the lease: this worker's own are still in its hands, and a younger claim may belong to another server
   * on the same database that is sending it right now.
   */
  async requeueInterrupted(workerId: string): Promise<void> {
    const now = this.clock.now();
    const stale = {
      status: 'sending' as const,
      next_attempt_at: { [Op.lte]: now },
      [Op.or]: [{ claimed_by: null }, { claimed_by: { [Op.ne]: workerId } }],
    };
    if ((await this.db.models.OutboxMail.count({ where: stale })) === 0) return;
    await this.db.write((transaction) =>
      this.db.models.OutboxMail.update({ status: 'queued', next_attempt_at: now, claimed_by: null }, { where: stale, transaction }),
    );
  }

  /**
   * Claims a due mail for `workerId`, atomically (one conditional UPDATE), so two workers never both send it.
   * A mail past its `not_after` is marked `expired` instead. Returns whether the caller may send it now.
   */
  async claim(mail: OutboxMailInstance, workerId: string): Promise<boolean> {
    const now = this.clock.now();
    return this.db.write(async (transaction) => {
      const { OutboxMail } = this.db.models;
      const due = { id: mail.id, status: 'queued' as const, next_attempt_at: { [Op.lte]: now } };
      if (mail.not_after && mail.not_after.getTime() <= now.getTime()) {
        await OutboxMail.update(
          { status: 'expired', body: null, last_error: 'Not sent: its time had passed' },
          { where: due, transaction },
        );
        return false;
      }
      const [count] = await OutboxMail.update(
        {
          status: 'sending',
          attempts: mail.attempts + 1,
          claimed_by: workerId,
          next_attempt_at: new Date(now.getTime() + SENDING_LEASE_MS),
        },
        { where: due, transaction },
      );
      return count === 1;
    });
  }

  async due(limit: number): Promise<OutboxMailInstance[]> {
    return this.db.models.OutboxMail.findAll({
      where: { status: 'queued', next_attempt_at: { [Op.lte]: this.clock.now() } },
      order: [['next_attempt_at', 'ASC']],
      limit,
    });
  }
}

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
}

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
  attachments?: MailAttachment[];
}

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
  async queue(message: MailMessage, transaction: Transaction): Promise<void> {
    const body: MailBody = { text: message.text, html: message.html, attachments: message.attachments };
    await this.db.models.OutboxMail.create(
      { recipient: message.to, subject: message.subject, body: JSON.stringify(body), status: 'queued', next_attempt_at: this.clock.now() },
      { transaction },
    );
    transaction.afterCommit(() => {
      this.events.emit('queued');
    });
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

  /** Mails left mid-delivery by a crash go back to the queue (at-least-once delivery). */
  async requeueInterrupted(): Promise<void> {
    await this.db.write((transaction) =>
      this.db.models.OutboxMail.update({ status: 'queued' }, { where: { status: 'sending' }, transaction }),
    );
  }

  async due(limit: number): Promise<OutboxMailInstance[]> {
    return this.db.models.OutboxMail.findAll({
      where: { status: 'queued', next_attempt_at: { [Op.lte]: this.clock.now() } },
      order: [['next_attempt_at', 'ASC']],
      limit,
    });
  }
}

// Delivers queued mail over SMTP_URL with retries and backoff; a failure never reaches the request that queued it.
import { randomUUID } from 'node:crypto';
import type { Transporter } from 'nodemailer';
import type { Clock } from '../clock.js';
import type { Database } from '../db/database.js';
import type { OutboxMailInstance } from '../db/models/outbox-mail.js';
import type { Logger } from '../logger.js';
import type { MailBody, Outbox } from './outbox.js';

export interface DeliveryOptions {
  maxAttempts: number;
  /** First retry delay; each further one doubles, up to `maxBackoffMs`. */
  baseBackoffMs: number;
  maxBackoffMs: number;
  pollMs: number;
}

/**
 * Where the worker reads the SMTP server and the sender on every pass (the practice settings: the therapist may
 * change them at any time). Declared here so that mail/ needs nothing from the features above it.
 */
export interface MailSettings {
  get(key: 'smtp_url' | 'practice_name'): Promise<string | null>;
  /** The sender: always set (its default when the therapist set none). */
  value(key: 'email_from'): Promise<string>;
}

export const DEFAULT_DELIVERY: DeliveryOptions = { maxAttempts: 10, baseBackoffMs: 5_000, maxBackoffMs: 15 * 60_000, pollMs: 1_000 };

/** What an SMTP failure may say in the outbox: its code, never the server's text (it can quote addresses). */
function describeFailure(error: unknown): string {
  const { responseCode, code } = (error ?? {}) as { responseCode?: number; code?: string };
  if (responseCode) return `SMTP server answered ${responseCode}`;
  return code ? `Could not reach the SMTP server (${code})` : 'Delivery failed';
}

/** The From header: the practice's name (when set) in front of the sender address, so every mail names the practice. */
function senderOf(emailFrom: string, practiceName: string | null): string | { name: string; address: string } {
  if (!practiceName) return emailFrom;
  const address = /<([^>]+)>/.exec(emailFrom)?.[1] ?? emailFrom.trim();
  return { name: practiceName, address };
}

export class DeliveryWorker {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private rerun = false;
  private stopped = true;
  private transport: { url: string; transporter: Transporter } | null = null;
  private unsubscribe: (() => void) | null = null;
  /** Names this worker's claims, so it never takes back a mail it is sending itself. */
  private readonly workerId = randomUUID();

  constructor(
    private readonly db: Database,
    private readonly outbox: Outbox,
    private readonly settings: MailSettings,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly options: DeliveryOptions = DEFAULT_DELIVERY,
  ) {}

  async start(): Promise<void> {
    this.stopped = false;
    await this.outbox.requeueInterrupted(this.workerId);
    this.unsubscribe = this.outbox.onQueued(() => void this.deliverNow());
    this.timer = setInterval(() => void this.deliverNow(), this.options.pollMs);
    this.timer.unref();
    void this.deliverNow();
  }

  /** Stops polling and waits for a delivery in progress; what is left stays queued for the next start. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.unsubscribe?.();
    await this.running;
    this.transport?.transporter.close();
    this.transport = null;
  }

  /** Delivers everything due now; concurrent calls coalesce into one more pass. */
  deliverNow(): Promise<void> {
    if (this.running) {
      this.rerun = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.rerun = false;
        await this.deliverDue().catch((error) => this.logger.error({ err: { type: (error as Error).name } }, 'mail delivery pass failed'));
      } while (this.rerun && !this.stopped);
    })().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async deliverDue(): Promise<void> {
    const smtpUrl = await this.settings.get('smtp_url');
    if (!smtpUrl || this.stopped) return;
    const from = senderOf(await this.settings.value('email_from'), await this.settings.get('practice_name'));
    await this.outbox.requeueInterrupted(this.workerId);
    for (const mail of await this.outbox.due(20)) {
      if (this.stopped) return;
      await this.deliver(mail, await this.transporterFor(smtpUrl), from);
    }
  }

  /** nodemailer is loaded with the first mail to send, not at start-up: a server with no mail due never needs it. */
  private async transporterFor(url: string): Promise<Transporter> {
    if (this.transport?.url !== url) {
      const { default: nodemailer } = await import('nodemailer');
      this.transport?.transporter.close();
      const transporter = nodemailer.createTransport(url, {
        connectionTimeout: 10_000,
        greetingTimeout: 10_000,
        socketTimeout: 20_000,
      } as object);
      this.transport = { url, transporter };
    }
    return this.transport.transporter;
  }

  private async deliver(mail: OutboxMailInstance, transporter: Transporter, from: ReturnType<typeof senderOf>): Promise<void> {
    if (!(await this.outbox.claim(mail, this.workerId))) return;
    const body = JSON.parse(mail.body ?? '{"text":""}') as MailBody;
    try {
      await transporter.sendMail({
        from,
        to: mail.recipient,
        subject: mail.subject,
        text: body.text,
        html: body.html,
        attachments: body.attachments,
      });
      await this.db.write((transaction) =>
        this.db.models.OutboxMail.update(
          { status: 'sent', sent_at: this.clock.now(), body: null, last_error: null },
          { where: { id: mail.id }, transaction },
        ),
      );
      this.logger.info({ mail: mail.id, attempts: mail.attempts + 1 }, 'mail sent');
    } catch (error) {
      const attempts = mail.attempts + 1;
      const failed = attempts >= this.options.maxAttempts;
      const delay = Math.min(this.options.baseBackoffMs * 2 ** (attempts - 1), this.options.maxBackoffMs);
      await this.db.write((transaction) =>
        this.db.models.OutboxMail.update(
          {
            status: failed ? 'failed' : 'queued',
            last_error: describeFailure(error),
            next_attempt_at: new Date(this.clock.now().getTime() + delay),
          },
          { where: { id: mail.id }, transaction },
        ),
      );
      this.logger.warn({ mail: mail.id, attempts, failed, reason: describeFailure(error) }, 'mail not delivered');
    }
  }
}

// A real SMTP server in-process (smtp-server + mailparser): the tests read the mails the app really sent.
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string;
  from: string;
  subject: string;
  text: string;
  html: string;
  attachments: { filename?: string; contentType: string; content: string }[];
  raw: ParsedMail;
}

export class Mailbox {
  readonly mails: ReceivedMail[] = [];
  private waiters: (() => void)[] = [];
  /** While set, the server answers every message with this SMTP error (e.g. 451 or 550). */
  rejectWith: { code: number; message: string } | null = null;
  private server: SMTPServer;
  port = 0;

  constructor() {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData: (stream, _session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', async () => {
          if (this.rejectWith) {
            const error = new Error(this.rejectWith.message) as Error & { responseCode: number };
            error.responseCode = this.rejectWith.code;
            callback(error);
            return;
          }
          const parsed = await simpleParser(Buffer.concat(chunks));
          this.mails.push({
            to: (Array.isArray(parsed.to) ? parsed.to[0] : parsed.to)?.value[0]?.address ?? '',
            from: parsed.from?.value[0]?.address ?? '',
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            html: typeof parsed.html === 'string' ? parsed.html : '',
            attachments: parsed.attachments.map((a) => ({
              filename: a.filename,
              contentType: a.contentType,
              content: a.content.toString('utf8'),
            })),
            raw: parsed,
          });
          callback();
          this.waiters.splice(0).forEach((wake) => wake());
        });
      },
    });
  }

  /** Listens on `port` (0: any free port; a fixed one brings a stopped server back at the same URL). */
  async start(port = 0): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(port, '127.0.0.1', () => resolve()));
    this.port = (this.server.server.address() as AddressInfo).port;
    return this;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** Waits until a mail matching `predicate` has arrived (mails already received count). */
  async waitFor(predicate: (mail: ReceivedMail) => boolean, timeoutMs = 10_000): Promise<ReceivedMail> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.mails.find(predicate);
      if (found) return found;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`No matching mail arrived within ${timeoutMs} ms (${this.mails.length} received)`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 200));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** The latest mail to `address`. */
  latestTo(address: string): ReceivedMail | undefined {
    return this.mails.filter((mail) => mail.to === address.toLowerCase()).at(-1);
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

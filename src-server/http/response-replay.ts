// Complete 200 answers to GETs that a handler marked replayable (the appointment lists, the available dates and
// slots, the API root), written straight back to the next identical request without Express, helmet, the router or
// the authenticator: the same status, headers and body bytes Express sent (node adds Date and Connection itself).
//
// The invariant every cache of this server keeps: no cache ever shows one caller another's data, or data older than a
// write the caller saw committed. Here:
// - The key is everything these answers can depend on: the method, the URL with its query, Host, the exact
//   Authorization header (only the very same token gets the same bytes), Origin, X-Forwarded-Host and -Proto, and
//   whether the peer is a trusted proxy (then those two decide the origin, as Express reads them).
// - An entry holds only at the write version (db/write-version.ts) read before Express ran, and only if no write was
//   committed before the answer was kept: any committed write, a deactivation, a logout or a password change among
//   them, drops every entry at once, so a revocation takes effect on the very next request. The one exception is an
//   answer that reads nothing stored (the API root's document of the routes) to a caller without a token.
// - And only until its time runs out (core.clock): a session's join window, a slot entering the minimum notice, the
//   practice's midnight, and for a signed-in caller the access token's expiry, so an expired token never gets one.
// - Requests Express could answer differently are never replayed: HEAD and every other method, a body, conditional
//   headers (Express would answer 304), a URL that is not a plain path and query.
// The write version is this process's count on SQLite and the database's own on PostgreSQL, where other servers
// write too (db/write-version.ts): there a replay costs one shared read of that counter instead of the page's queries.
import type { IncomingMessage, OutgoingHttpHeader, RequestListener, ServerResponse } from 'node:http';
import type { Express, Request } from 'express';
import type { Clock } from '../clock.js';
import type { Logger } from '../logger.js';
import { requestLineWriter, type RequestLineWriter } from './request-log.js';
import { VersionedCache } from './versioned-cache.js';

/** More entries or body bytes than these and the replay starts over: memory stays bounded whatever callers ask. */
const MAX_ENTRIES = 2_000;
const MAX_BYTES = 32 * 1024 * 1024;

export interface ReplayOptions {
  /** Answers everything that is not replayed; its `trust proxy` and request prototype are used as Express uses them. */
  app: Express;
  clock: Clock;
  logger: Logger;
  /** The number of writes committed so far (db/write-version.ts): at once on SQLite, read from the database on PostgreSQL. */
  writeVersion(): number | Promise<number>;
}

interface Entry {
  /** Epoch ms from which the answer may read differently without a write. */
  until: number;
  /** Header names as Express set them, each followed by its value: what `writeHead` takes. */
  headers: OutgoingHttpHeader[];
  body: Buffer;
}

/** A request Express is answering that may be kept: its key and the write version read before Express ran. */
interface Pending {
  replay: ResponseReplay;
  key: string;
  version: number;
}

const pending = new WeakMap<ServerResponse, Pending>();

/**
 * Called by the router right after sending a 200 `body` that depends only on the request's key, the data and time:
 * keeps it for identical requests until the next committed write or `until` (epoch ms). Does nothing for a response
 * that is not a replayable GET (or when no replay is in front of the app).
 */
export function keepForReplay(res: ServerResponse, body: Buffer, validity: Validity): void {
  const request = pending.get(res);
  if (!request) return;
  pending.delete(res);
  request.replay.keep(request, res, body, validity);
}

export interface Validity {
  /** Epoch ms from which the answer may read differently without a write. */
  until: number;
  /** False only for an answer that reads nothing stored, to a caller without a token (the API root): kept across writes. */
  writesEndIt: boolean;
}

/** The header names in the letter case they were set in: node's OutgoingMessage has it, @types/node only on ClientRequest. */
function rawHeaderNames(res: ServerResponse): string[] {
  return (res as ServerResponse & { getRawHeaderNames(): string[] }).getRawHeaderNames();
}

/** The response's header names in the letter case they were set in, each followed by its value: what writeHead takes. */
function headersOf(res: ServerResponse): OutgoingHttpHeader[] {
  const headers: OutgoingHttpHeader[] = [];
  for (const name of rawHeaderNames(res)) headers.push(name, res.getHeader(name)!);
  return headers;
}

type TrustProxy = (address: string | undefined, hop: number) => boolean;

export class ResponseReplay {
  private readonly entries = new VersionedCache<Entry>(MAX_ENTRIES, MAX_BYTES, (entry) => entry.body.length);
  /** Answers no write changes (Validity.writesEndIt false): few (one per host and origin asked on), kept apart. */
  private readonly writeProof = new Map<string, Entry>();
  private readonly trustProxy: TrustProxy;
  private readonly writeLine: RequestLineWriter;
  /** How many answers were replayed (for tests and measurements). */
  served = 0;

  constructor(private readonly options: ReplayOptions) {
    this.trustProxy = options.app.get('trust proxy fn') as TrustProxy;
    this.writeLine = requestLineWriter(options.logger);
  }

  /** The server's request listener: a replay when one holds, else the app. */
  readonly listener: RequestListener = (req, res) => {
    const key = this.keyOf(req);
    if (key === null) return void this.options.app(req, res);
    const kept = this.writeProof.get(key);
    if (kept && this.options.clock.now().getTime() < kept.until) return this.replay(req, res, kept);
    const version = this.options.writeVersion();
    if (typeof version === 'number') return this.answer(req, res, key, version);
    // The database could not say: Express answers (and fails the same way if the database is gone).
    version.then(
      (read) => this.answer(req, res, key, read),
      () => this.options.app(req, res),
    );
  };

  private answer(req: IncomingMessage, res: ServerResponse, key: string, version: number): void {
    if (this.entries.at(version)) {
      const entry = this.entries.get(key, version, this.options.clock.now().getTime());
      if (entry) return this.replay(req, res, entry);
      pending.set(res, { replay: this, key, version });
    }
    this.options.app(req, res);
  }

  keep(request: Pending, res: ServerResponse, body: Buffer, { until, writesEndIt }: Validity): void {
    if (res.statusCode !== 200 || Number(res.getHeader('content-length')) !== body.length) return;
    if (!writesEndIt) {
      if (this.writeProof.size >= MAX_ENTRIES) this.writeProof.clear();
      this.writeProof.set(request.key, { until, headers: headersOf(res), body });
      return;
    }
    // A write committed while Express worked may or may not be in the body: not kept.
    const now = this.options.writeVersion();
    if (typeof now === 'number') this.store(request, res, body, until, now);
    else now.then((read) => this.store(request, res, body, until, read)).catch(() => undefined);
  }

  private store(request: Pending, res: ServerResponse, body: Buffer, until: number, versionNow: number): void {
    if (request.version === versionNow) this.entries.set(request.key, request.version, { until, headers: headersOf(res), body });
  }

  /** Everything Express or a handler reads from a GET to a replayable route; null when the request is not one. */
  private keyOf(req: IncomingMessage): string | null {
    const { method, url = '', headers } = req;
    if (method !== 'GET' || url.charCodeAt(0) !== 0x2f || url.includes('#')) return null;
    const length = headers['content-length'];
    if (headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0')) return null;
    if (headers['if-none-match'] !== undefined || headers['if-modified-since'] !== undefined) return null;
    return JSON.stringify([
      method,
      url,
      headers.host,
      headers.authorization,
      headers.origin,
      headers['x-forwarded-host'],
      headers['x-forwarded-proto'],
      this.trustProxy(req.socket.remoteAddress, 0),
    ]);
  }

  private replay(req: IncomingMessage, res: ServerResponse, entry: Entry): void {
    const started = process.hrtime.bigint();
    // Express's own request prototype, as its app.handle sets it: the log line's address (under `trust proxy`) and
    // path are read by Express's getters, exactly as for an answer Express sends. Requests are born with it
    // (http/express-messages.ts): then this changes nothing and costs nothing.
    Object.setPrototypeOf(req, this.options.app.request);
    const { ip, path } = req as Request;
    this.served++;
    res.writeHead(200, entry.headers);
    res.end(entry.body);
    // Written at once rather than on 'finish' as for Express's answers: the line is the same, a listener less.
    this.writeLine(ip ?? req.socket.remoteAddress, 'GET', path, 200, started);
  }
}

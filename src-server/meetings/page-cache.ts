// Serialised answers of hot reads (the appointment lists per caller and URL, the available dates), kept until the next
// committed write or until time changes them (a session's join window, the practice's midnight). The write version is
// this process's count on SQLite and the database's own on PostgreSQL, where other servers write too
// (db/write-version.ts).
import type { Database } from '../db/database.js';
import type { AppointmentAttributes } from '../db/models/appointment.js';
import { committedWriteVersion } from '../db/write-version.js';
import { VersionedCache } from '../http/versioned-cache.js';
import { JOIN_CLOSES_AFTER_END_MS, JOIN_OPENS_BEFORE_START_MS } from './meeting-status.js';

/** More entries or bytes than these and the cache starts over: memory stays bounded whatever callers ask. */
const MAX_ENTRIES = 2_000;
const MAX_BYTES = 16 * 1024 * 1024;

export interface RenderedPage {
  json: Buffer;
  /** Epoch ms from which the page may read differently without a write (a session opens or closes). */
  until: number;
}

/** When the first of `rows` changes its meeting status after `now` (Infinity when none will). */
export function nextStatusChange(
  rows: Pick<AppointmentAttributes, 'status' | 'scheduled_datetime' | 'scheduled_end'>[],
  now: Date,
): number {
  let next = Infinity;
  for (const row of rows) {
    if (row.status !== 'scheduled' || !row.scheduled_datetime || !row.scheduled_end) continue;
    for (const edge of [
      row.scheduled_datetime.getTime() - JOIN_OPENS_BEFORE_START_MS,
      row.scheduled_end.getTime() + JOIN_CLOSES_AFTER_END_MS + 1,
    ]) {
      if (edge > now.getTime() && edge < next) next = edge;
    }
  }
  return next;
}

export class PageCache {
  private readonly pages = new VersionedCache<RenderedPage>(MAX_ENTRIES, MAX_BYTES, (page) => page.json.length);

  constructor(private readonly db: Database) {}

  /**
   * The page for `key` (which must name everything the answer depends on: the caller, their role, the origin and
   * the URL with its query), from the cache when no write was committed since and no session on it changed status;
   * else computed by `render`, which returns the JSON and when it stops being true (returned with it, for
   * http/response-replay.ts).
   */
  async page(key: string, now: Date, render: () => Promise<RenderedPage>): Promise<RenderedPage> {
    // Read before rendering: a write committed meanwhile leaves this entry under an old number, never to be served.
    const version = await committedWriteVersion(this.db);
    const cached = this.pages.at(version) ? this.pages.get(key, version, now.getTime()) : undefined;
    if (cached) return cached;
    const rendered = await render();
    this.pages.set(key, version, { json: rendered.json, until: rendered.until });
    return rendered;
  }
}

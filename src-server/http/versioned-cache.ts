// What every kept answer of this server shares (meetings/page-cache.ts, http/response-replay.ts): entries held at one
// write version (db/write-version.ts) and until a time, all dropped at once when a newer version is seen, bounded in
// entries and bytes so memory stays bounded whatever callers ask.
export interface Timed {
  /** Epoch ms from which the entry may read differently without a write. */
  until: number;
}

export class VersionedCache<Entry extends Timed> {
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;
  /** The write version the entries were rendered at; older entries are dropped at once. */
  private version = -1;

  constructor(
    private readonly maxEntries: number,
    private readonly maxBytes: number,
    private readonly sizeOf: (entry: Entry) => number,
  ) {}

  /**
   * Moves to `version` when it is newer (dropping every entry) and says whether it is the current one. Versions only
   * rise; on PostgreSQL an older read may finish after a newer one: such a reader neither gets nor keeps anything.
   */
  at(version: number): boolean {
    if (version > this.version) this.clear(version);
    return version === this.version;
  }

  /** The entry for `key` kept at `version`, unless its time is up at `now` (epoch ms). */
  get(key: string, version: number, now: number): Entry | undefined {
    const entry = this.entries.get(key);
    return entry && version === this.version && now < entry.until ? entry : undefined;
  }

  /** Keeps `entry` for `key` when `version` (read before it was rendered) is still the current one. */
  set(key: string, version: number, entry: Entry): void {
    if (version !== this.version) return;
    const old = this.entries.get(key);
    if (old) this.bytes -= this.sizeOf(old);
    if (this.entries.size >= this.maxEntries || this.bytes + this.sizeOf(entry) > this.maxBytes) this.clear(version);
    this.entries.set(key, entry);
    this.bytes += this.sizeOf(entry);
  }

  private clear(version: number): void {
    this.entries.clear();
    this.bytes = 0;
    this.version = version;
  }
}

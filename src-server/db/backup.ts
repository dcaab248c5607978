// Online backups of the SQLite database: `VACUUM INTO` a timestamped file in DATA_DIR/backups, daily, the last N kept.
import fs from 'node:fs';
import path from 'node:path';
import type { Clock } from '../clock.js';
import type { ServerConfig } from '../config.js';
import type { Logger } from '../logger.js';
import type { Database } from './database.js';

export const BACKUP_DIR_NAME = 'backups';

/** practice-2026-01-15T10-00-00-000Z.db: names sort by time, and the time is readable back from the name. */
const BACKUP_NAME = /^practice-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z\.db$/;

const HOUR_MS = 60 * 60 * 1000;

export interface BackupSchedule {
  /** Where backups go: DATA_DIR/backups. */
  dir: string;
  /** How many backups to keep; older ones are deleted after each new one. */
  keep: number;
  /** A new backup is taken once the newest is this old. */
  everyMs: number;
  /** The first look happens this long after start, so a short-lived run (a test, a quick restart) takes none. */
  firstCheckAfterMs: number;
  checkEveryMs: number;
}

export const DEFAULT_BACKUP_SCHEDULE: Omit<BackupSchedule, 'dir' | 'keep'> = {
  everyMs: 24 * HOUR_MS,
  firstCheckAfterMs: 60_000,
  checkEveryMs: HOUR_MS,
};

export function backupFileName(at: Date): string {
  return `practice-${at.toISOString().replace(/[:.]/g, '-')}`.replace(/Z$/, 'Z.db');
}

function backupTime(name: string): Date | null {
  const match = BACKUP_NAME.exec(name);
  return match ? new Date(`${match[1]}T${match[2]}:${match[3]}:${match[4]}.${match[5]}Z`) : null;
}

/** The backups in `dir`, oldest first (other files there are left alone). */
export function listBackups(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((name) => backupTime(name) !== null)
    .sort()
    .map((name) => path.join(dir, name));
}

/**
 * Copies the live database into a new backup file while the server keeps serving: VACUUM INTO reads one
 * consistent snapshot (WAL readers do not block writers). The copy holds the same ciphertext as the database,
 * so it is exactly as encrypted; it is written under a temporary name first, so a half-written copy never
 * looks like a backup.
 */
export async function backupDatabase(db: Database, dir: string, at: Date): Promise<string> {
  if (db.dialect !== 'sqlite') throw new Error('Online backups cover SQLite; back up PostgreSQL with pg_dump');
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const target = path.join(dir, backupFileName(at));
  const partial = `${target}.partial`;
  fs.rmSync(partial, { force: true });
  await db.sequelize.query('VACUUM INTO :file', { replacements: { file: partial } });
  fs.chmodSync(partial, 0o600);
  fs.renameSync(partial, target);
  return target;
}

/** Deletes all but the newest `keep` backups; returns the deleted files. */
export function pruneBackups(dir: string, keep: number): string[] {
  const backups = listBackups(dir);
  const old = backups.slice(0, Math.max(0, backups.length - keep));
  for (const file of old) fs.rmSync(file, { force: true });
  return old;
}

/** Takes a backup whenever the newest one is a day old, checking hourly while the server runs. */
export class BackupScheduler {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly schedule: BackupSchedule,
  ) {}

  start(): void {
    this.timer = setTimeout(() => this.tick(), this.schedule.firstCheckAfterMs);
    this.timer.unref();
  }

  /** Waits for a backup in progress, so the database is closed only after it. */
  async stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  /** Takes a backup if the newest one is old enough (or there is none); returns its file, or null. */
  async backupIfDue(): Promise<string | null> {
    const newest = listBackups(this.schedule.dir).at(-1);
    const newestAt = newest ? backupTime(path.basename(newest)) : null;
    const now = this.clock.now();
    if (newestAt && now.getTime() - newestAt.getTime() < this.schedule.everyMs) return null;
    const file = await backupDatabase(this.db, this.schedule.dir, now);
    const pruned = pruneBackups(this.schedule.dir, this.schedule.keep);
    this.logger.info({ backup: path.basename(file), pruned: pruned.length }, 'database backed up');
    return file;
  }

  private tick(): void {
    this.running = this.backupIfDue()
      .catch((error: unknown) => this.logger.error({ err: error }, 'database backup failed'))
      .finally(() => {
        if (this.timer === null) return;
        this.timer = setTimeout(() => this.tick(), this.schedule.checkEveryMs);
        this.timer.unref();
      });
  }
}

/** Starts daily backups of a SQLite database as configured (BACKUP_KEEP=0 turns them off); null when there are none. */
export function startBackups(
  db: Database,
  clock: Clock,
  logger: Logger,
  config: Pick<ServerConfig, 'dataDir' | 'backupKeep'>,
  timing: Partial<typeof DEFAULT_BACKUP_SCHEDULE> = {},
): BackupScheduler | null {
  if (config.backupKeep === 0 || db.dialect !== 'sqlite') return null;
  const dir = path.join(config.dataDir, BACKUP_DIR_NAME);
  const scheduler = new BackupScheduler(db, clock, logger, { ...DEFAULT_BACKUP_SCHEDULE, ...timing, dir, keep: config.backupKeep });
  scheduler.start();
  return scheduler;
}

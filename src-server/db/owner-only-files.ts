// The SQLite database and its WAL and shared-memory files are readable by the owner only (0600), like the key file.
import fs from 'node:fs';

const COMPANION_SUFFIXES = ['', '-wal', '-shm', '-journal'];

/**
 * Called before SQLite opens `databaseFile`. SQLite creates the WAL and shared-memory files with the database file's
 * own permissions, so creating the database file as 0600 covers them; files an older version left readable by
 * others are narrowed here too.
 */
export function restrictSqliteFilesToOwner(databaseFile: string): void {
  if (process.platform === 'win32' || databaseFile === '' || databaseFile === ':memory:') return;
  fs.closeSync(fs.openSync(databaseFile, 'a', 0o600));
  for (const suffix of COMPANION_SUFFIXES) {
    const file = `${databaseFile}${suffix}`;
    if (fs.existsSync(file) && (fs.statSync(file).mode & 0o077) !== 0) fs.chmodSync(file, 0o600);
  }
}

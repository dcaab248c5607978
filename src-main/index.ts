// The Electron main process: starts the embedded practice server and opens a window on it.
import path from 'node:path';
import { app, BrowserWindow } from 'electron';
import { loadConfig } from '../src-server/config.js';
import { startPracticeServer, type PracticeServer } from '../src-server/server.js';

let server: PracticeServer | null = null;

async function start(): Promise<void> {
  const config = { ...loadConfig(), dataDir: path.join(app.getPath('userData'), 'data') };
  config.databaseUrl = `sqlite:${path.join(config.dataDir, 'practice.db')}`;
  server = await startPracticeServer({ config, staticDir: path.join(__dirname, '../renderer') });
  const window = new BrowserWindow({
    width: 1280,
    height: 860,
    webPreferences: { preload: path.join(__dirname, '../preload/index.cjs'), contextIsolation: true, sandbox: true, nodeIntegration: false },
  });
  await window.loadURL(server.url);
}

app.whenReady().then(start);
app.on('window-all-closed', () => {
  void server?.stop().finally(() => app.quit());
});

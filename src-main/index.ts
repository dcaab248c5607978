// The Electron main process: one instance, the embedded practice server, a locked-down window on it, a clean quit.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, safeStorage, session, shell } from 'electron';
import pino from 'pino';
import { createLogger } from '../src-server/logger.js';
import { registerBridge } from './bridge-handlers.js';
import { holdQuitUntilStopped, startDesktopServer } from './desktop-server.js';
import { lockToAppOrigin } from './navigation-policy.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const RENDERER_DIR = path.join(here, '../renderer');
const PRELOAD_FILE = path.join(here, '../preload/index.cjs');

// One folder for development and the packaged app alike (Electron would otherwise name it after package.json).
app.setPath('userData', path.join(app.getPath('appData'), 'Practice'));

const logger = createLogger(
  process.env.LOG_LEVEL ?? 'info',
  pino.multistream([{ stream: process.stdout }, { stream: pino.destination({ dest: path.join(app.getPath('userData'), 'logs', 'main.log'), mkdir: true }) }]),
);

let mainWindow: BrowserWindow | null = null;

function openWindow(url: string): void {
  mainWindow = new BrowserWindow({
    width: 1280,
    height: 860,
    show: false,
    title: 'Practice',
    webPreferences: { preload: PRELOAD_FILE, contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true },
  });
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('closed', () => (mainWindow = null));
  void mainWindow.loadURL(url);
}

async function start(): Promise<void> {
  // The app needs no camera, microphone or notifications: video calls open in the system browser.
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, decide) => decide(false));
  const desktop = await startDesktopServer({
    env: process.env,
    userDataDir: app.getPath('userData'),
    safeStorage,
    platform: process.platform,
    staticDir: RENDERER_DIR,
    logger,
  });
  const { server } = desktop;
  const appOrigin = new URL(server.url).origin;
  app.on('web-contents-created', (_event, contents) => lockToAppOrigin(contents, appOrigin, (url) => void shell.openExternal(url)));
  registerBridge(ipcMain, {
    appOrigin,
    openExternal: (url) => shell.openExternal(url),
    lanUrls: () => server.lanUrls(),
    keychain: desktop.keychain,
    portNotice: desktop.portNotice,
  });
  app.on('before-quit', holdQuitUntilStopped(() => server.stop(), (code) => app.exit(code), logger));
  app.on('window-all-closed', () => {
    // On macOS the app (and the server that phones on the LAN use) stays until Quit, as Mac apps do.
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (!mainWindow) openWindow(server.url);
  });
  openWindow(server.url);
  if (desktop.portNotice) void dialog.showMessageBox({ type: 'warning', title: 'Practice', message: 'The practice runs on another port', detail: desktop.portNotice });
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.whenReady().then(start).catch((error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    logger.error({ err: error }, 'the practice app could not start');
    dialog.showErrorBox('The practice app could not start', message);
    app.exit(1);
  });
}

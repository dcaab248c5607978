// The Electron main process: one instance, the embedded practice server, a locked-down window on it, a clean quit.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, MenuItem, safeStorage, session, shell } from 'electron';
import pino from 'pino';
import { batchedLogDestination, createLogger } from '../src-server/logger.js';
import { registerBridge } from './bridge-handlers.js';
import { holdQuitUntilStopped, startDesktopServer, type DesktopServer } from './desktop-server.js';
import { lockToAppOrigin } from './navigation-policy.js';
import { isOwnCertificate } from './own-certificate.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const RENDERER_DIR = path.join(here, '../renderer');
const PRELOAD_FILE = path.join(here, '../preload/index.cjs');

// One folder for development and the packaged app alike (Electron would otherwise name it after package.json).
app.setPath('userData', path.join(app.getPath('appData'), 'Practice'));

const logger = createLogger(
  process.env.LOG_LEVEL ?? 'info',
  pino.multistream([{ stream: process.stdout }, { stream: batchedLogDestination(path.join(app.getPath('userData'), 'logs', 'main.log')) }]),
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

/** Lets the therapist save the key (in the main process: it never reaches the page) to restore the practice elsewhere. */
async function saveRecoveryKey(desktop: DesktopServer): Promise<boolean> {
  const options = {
    title: 'Save the recovery key',
    defaultPath: path.join(app.getPath('documents'), 'practice-recovery-key.txt'),
    buttonLabel: 'Save recovery key',
  };
  const { canceled, filePath } = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options);
  if (canceled || !filePath) return false;
  desktop.saveRecoveryKey(filePath);
  await dialog.showMessageBox({
    type: 'info',
    message: 'Recovery key saved',
    detail:
      'Keep this file away from this computer (a USB stick in a drawer, a password manager). With it, a backup can be restored ' +
      'on another computer; anyone holding both could read the practice data.',
  });
  return true;
}

/** File menu: the recovery key, and the data folder that holds the database and its backups (for a restore). */
function addFileMenuItems(desktop: DesktopServer): void {
  const menu = Menu.getApplicationMenu();
  const fileMenu = menu?.items.find((item) => item.role?.toLowerCase() === 'filemenu')?.submenu;
  if (!menu || !fileMenu) return;
  fileMenu.insert(0, new MenuItem({ label: 'Save Recovery Key…', click: () => void saveRecoveryKey(desktop) }));
  fileMenu.insert(1, new MenuItem({ label: 'Show Data and Backups Folder', click: () => void shell.openPath(desktop.config.dataDir) }));
  fileMenu.insert(2, new MenuItem({ type: 'separator' }));
  Menu.setApplicationMenu(menu);
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
  const openInBrowser = (url: string) =>
    // The link itself (a video room) is not logged: it admits whoever holds it.
    void shell.openExternal(url).catch(() => logger.warn('the system browser did not open a link'));
  app.on('web-contents-created', (_event, contents) => lockToAppOrigin(contents, appOrigin, openInBrowser));
  // With TLS_CERT_FILE the window reaches the server by 127.0.0.1, which the certificate may not name: trust that one certificate there.
  const ownCertificate = desktop.config.tls ? fs.readFileSync(desktop.config.tls.certFile, 'utf8') : null;
  app.on('certificate-error', (event, _contents, url, _error, certificate, allow) => {
    if (!isOwnCertificate(url, certificate.data, appOrigin, ownCertificate)) return allow(false);
    event.preventDefault();
    allow(true);
  });
  registerBridge(ipcMain, {
    appOrigin,
    openExternal: (url) => shell.openExternal(url),
    lanUrls: () => server.lanUrls(),
    keychain: desktop.keychain,
    portNotice: desktop.portNotice,
    saveRecoveryKey: () => saveRecoveryKey(desktop),
    setupSecret: () => server.setupSecret(),
  });
  addFileMenuItems(desktop);
  app.on(
    'before-quit',
    holdQuitUntilStopped(
      () => server.stop(),
      (code) => app.exit(code),
      logger,
    ),
  );
  app.on('window-all-closed', () => {
    // On macOS the app (and the server that phones on the LAN use) stays until Quit, as Mac apps do.
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (!mainWindow) openWindow(server.url);
  });
  openWindow(server.url);
  if (desktop.portNotice)
    void dialog.showMessageBox({
      type: 'warning',
      title: 'Practice',
      message: 'The practice runs on another port',
      detail: desktop.portNotice,
    });
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      logger.error({ err: error }, 'the practice app could not start');
      dialog.showErrorBox('The practice app could not start', message);
      app.exit(1);
    });
}

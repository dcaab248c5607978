// The preload: exposes a few named functions as `window.practiceDesktop`, and nothing of Node or of ipcRenderer itself.
import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_CHANNELS, type PracticeDesktop } from './desktop-bridge.js';

/** Set at build time from package.json (electron.vite.config.ts): a sandboxed preload cannot ask the app. */
declare const __APP_VERSION__: string;

const practiceDesktop: PracticeDesktop = {
  version: __APP_VERSION__,
  openExternal: (url) => ipcRenderer.invoke(BRIDGE_CHANNELS.openExternal, String(url)),
  lanUrls: () => ipcRenderer.invoke(BRIDGE_CHANNELS.lanUrls),
  keychainStatus: () => ipcRenderer.invoke(BRIDGE_CHANNELS.keychainStatus),
  portNotice: () => ipcRenderer.invoke(BRIDGE_CHANNELS.portNotice),
  saveRecoveryKey: () => ipcRenderer.invoke(BRIDGE_CHANNELS.saveRecoveryKey),
  setupSecret: () => ipcRenderer.invoke(BRIDGE_CHANNELS.setupSecret),
};

contextBridge.exposeInMainWorld('practiceDesktop', practiceDesktop);

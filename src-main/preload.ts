// The preload: exposes a few named functions to the renderer and nothing of Node.
import { contextBridge } from 'electron';

contextBridge.exposeInMainWorld('practiceDesktop', { isDesktop: true });

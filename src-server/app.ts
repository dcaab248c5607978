// The Express application: security headers, request log, the /api/ route table, the renderer's static pages.
import fs from 'node:fs';
import path from 'node:path';
import express from 'express';
import helmet from 'helmet';
import { createAuthenticator } from './auth/authenticator.js';
import type { ServerCore } from './core.js';
import { allEndpoints } from './endpoints.js';
import { apiNotFound, errorHandler } from './http/error-handler.js';
import { jsonBody } from './http/json-body.js';
import { requestLog } from './http/request-log.js';
import { buildApiRouter } from './http/router.js';
import { Throttle } from './http/throttle.js';
import type { SetupSecret } from './setup/setup-secret.js';

export interface AppOptions {
  /** The built renderer (index.html and assets), served at `/`. */
  staticDir?: string;
  lanUrls?: () => string[];
  /** First-run setup's one-time secret (server.ts issues it at start while no staff account exists). */
  setupSecret?: SetupSecret;
}

export function createApp(core: ServerCore, options: AppOptions = {}): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', core.config.trustProxy);
  app.set('etag', false);
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: true,
        directives: {
          'img-src': ["'self'", 'data:'],
          'style-src': ["'self'", "'unsafe-inline'"],
          // LAN clients use plain http: upgrading would break them.
          'upgrade-insecure-requests': null,
        },
      },
      // Only a server with its own certificate may tell browsers to insist on HTTPS (a year; not its subdomains).
      strictTransportSecurity: core.config.tls ? { maxAge: 31_536_000, includeSubDomains: false } : false,
    }),
  );
  app.use(requestLog(core.logger));

  const throttles = { auth: new Throttle(core.config.rateLimitAuth, 60) };
  const endpoints = allEndpoints(core, { throttles, lanUrls: options.lanUrls ?? (() => []), setupSecret: options.setupSecret });
  // API answers carry personal data and tokens: no browser, proxy or tunnel may keep a copy (errors included).
  app.use('/api', noStore);
  app.use('/api', jsonBody);
  app.use(buildApiRouter(endpoints, { authenticate: createAuthenticator(core.db, core.tokens), throttles }));
  app.use('/api', apiNotFound);

  if (options.staticDir && fs.existsSync(path.join(options.staticDir, 'index.html'))) {
    const staticDir = options.staticDir;
    app.use(express.static(staticDir, { index: false, maxAge: '1h', setHeaders: noCacheForHtml }));
    // The React app routes on the client: every other page path gets index.html.
    app.use((req, res, next) => {
      if (req.method !== 'GET' && req.method !== 'HEAD') return next();
      res.set('Cache-Control', 'no-cache').sendFile(path.join(staticDir, 'index.html'));
    });
  } else {
    app.get('/', (_req, res) => {
      res.type('text/plain').send('The practice server is running. The app pages are not built: run `npm run build`. The API is at /api/.');
    });
  }
  app.use(apiNotFound);
  app.use(errorHandler(core.logger));
  return app;
}

function noStore(_req: express.Request, res: express.Response, next: express.NextFunction): void {
  res.set('Cache-Control', 'no-store');
  next();
}

function noCacheForHtml(res: express.Response, filePath: string): void {
  if (filePath.endsWith('.html')) res.setHeader('Cache-Control', 'no-cache');
}

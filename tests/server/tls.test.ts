// HTTPS on the server's own port with TLS_CERT_FILE/TLS_KEY_FILE, proved with a certificate made for the test.
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src-server/config.js';
import { createLogger } from '../../src-server/logger.js';
import { startPracticeServer } from '../../src-server/server.js';
import { makeSelfSignedCertificate, noOpensslReason } from '../helpers/certificates.js';
import { startTestServer, tempDataDir, type TestServer } from '../helpers/test-server.js';
import { createAccount } from '../helpers/users.js';

const dir = tempDataDir();

const makeCertificate = (name: string) => makeSelfSignedCertificate(dir, name);
const suite = noOpensslReason ? describe.skip : describe;
if (noOpensslReason) console.warn(`HTTPS tests skipped: ${noOpensslReason}`);

function get(
  url: string,
  ca?: Buffer,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const client = url.startsWith('https:') ? https : http;
    const req = client.get(url, { ca, headers }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
  });
}

const certificate = noOpensslReason ? { certFile: '', keyFile: '' } : makeCertificate('practice');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

suite('with TLS_CERT_FILE and TLS_KEY_FILE', () => {
  let ts: TestServer;
  beforeAll(async () => {
    ts = await startTestServer({ env: { TLS_CERT_FILE: certificate.certFile, TLS_KEY_FILE: certificate.keyFile } });
  });
  afterAll(() => ts.stop());

  it('speaks HTTPS on its port, with HSTS, and names https:// URLs', async () => {
    expect(ts.server.url).toBe(`https://127.0.0.1:${ts.server.port}/`);
    expect(ts.server.lanUrls().every((url) => url.startsWith('https://'))).toBe(true);
    const res = await get(`${ts.server.url}api/`, fs.readFileSync(certificate.certFile));
    expect(res.status).toBe(200);
    expect(res.headers['strict-transport-security']).toBe('max-age=31536000');
    expect(JSON.parse(res.body).base_url).toBe(`https://127.0.0.1:${ts.server.port}/api/`);
  });

  it('tells the settings screen that HTTPS is on', async () => {
    const staff = await createAccount(ts, { staff: true });
    const res = await get(`${ts.server.url}api/admin/settings/`, fs.readFileSync(certificate.certFile), { Authorization: staff.bearer });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body).tls_enabled).toBe(true);
  });

  it('answers no plain HTTP on the same port', async () => {
    await expect(get(`http://127.0.0.1:${ts.server.port}/api/`)).rejects.toThrow();
  });
});

describe('without a certificate', () => {
  it('sends no HSTS header (plain http on the LAN must keep working) and tells the settings screen', async () => {
    const ts = await startTestServer();
    try {
      const res = await ts.api.get('/api/');
      expect(res.headers['strict-transport-security']).toBeUndefined();
      expect(ts.server.url).toMatch(/^http:\/\//);
      const staff = await createAccount(ts, { staff: true });
      expect((await ts.api.get('/api/admin/settings/').set('Authorization', staff.bearer)).body.tls_enabled).toBe(false);
    } finally {
      await ts.stop();
    }
  });
});

suite('a certificate that cannot be used stops start-up with one clear line', () => {
  const start = (env: Record<string, string>) =>
    startPracticeServer({
      config: loadConfig({ DATA_DIR: tempDataDir(), PORT: '0', HOST: '127.0.0.1', ...env }),
      logger: createLogger('silent'),
    });

  it('an unreadable file', async () => {
    const missing = path.join(dir, 'missing.crt');
    await expect(start({ TLS_CERT_FILE: missing, TLS_KEY_FILE: certificate.keyFile })).rejects.toThrow(ConfigError);
    await expect(start({ TLS_CERT_FILE: missing, TLS_KEY_FILE: certificate.keyFile })).rejects.toThrow(
      `TLS_CERT_FILE ${missing} cannot be read (ENOENT)`,
    );
  });

  it('a key that does not belong to the certificate', async () => {
    const other = makeCertificate('other');
    await expect(start({ TLS_CERT_FILE: certificate.certFile, TLS_KEY_FILE: other.keyFile })).rejects.toThrow(
      /^TLS_CERT_FILE and TLS_KEY_FILE must be a PEM certificate and its own private key/,
    );
  });

  it('a file that is not PEM', async () => {
    const notPem = path.join(dir, 'not-pem.crt');
    fs.writeFileSync(notPem, 'hello');
    await expect(start({ TLS_CERT_FILE: notPem, TLS_KEY_FILE: certificate.keyFile })).rejects.toThrow(ConfigError);
  });
});

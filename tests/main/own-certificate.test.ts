// The desktop window over HTTPS: it accepts the server's configured certificate on the app's own address, nothing else.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isOwnCertificate } from '../../src-main/own-certificate.js';
import { tempDataDir } from '../helpers/test-server.js';

const dir = tempDataDir();
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function selfSigned(name: string): string {
  const certFile = path.join(dir, `${name}.crt`);
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-days',
      '1',
      '-subj',
      `/CN=${name}`,
      '-keyout',
      path.join(dir, `${name}.key`),
      '-out',
      certFile,
    ],
    { stdio: 'ignore' },
  );
  return fs.readFileSync(certFile, 'utf8');
}

const APP = 'https://127.0.0.1:8000';
const own = selfSigned('practice.lan');

describe('the window and the server certificate', () => {
  it("accepts the configured certificate for the app's own pages and API", () => {
    expect(isOwnCertificate(`${APP}/admin/`, own, APP, own)).toBe(true);
    expect(isOwnCertificate(`${APP}/api/auth/profile/`, own.replace(/\n/g, '\r\n'), APP, own)).toBe(true);
  });

  it('refuses another certificate, another address, and any certificate when the server has none', () => {
    expect(isOwnCertificate(`${APP}/`, selfSigned('attacker.example'), APP, own)).toBe(false);
    expect(isOwnCertificate('https://meet.example/room', own, APP, own)).toBe(false);
    expect(isOwnCertificate(`${APP}/`, own, APP, null)).toBe(false);
    expect(isOwnCertificate(`${APP}/`, 'not a certificate', APP, own)).toBe(false);
  });
});

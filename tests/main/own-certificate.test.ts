// The desktop window over HTTPS: it accepts the server's configured certificate on the app's own address, nothing else.
import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { isOwnCertificate } from '../../src-main/own-certificate.js';
import { makeSelfSignedCertificate, noOpensslReason } from '../helpers/certificates.js';
import { tempDataDir } from '../helpers/test-server.js';

const dir = tempDataDir();
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const selfSigned = (name: string) => fs.readFileSync(makeSelfSignedCertificate(dir, name).certFile, 'utf8');
const suite = noOpensslReason ? describe.skip : describe;
if (noOpensslReason) console.warn(`certificate tests skipped: ${noOpensslReason}`);

const APP = 'https://127.0.0.1:8000';
const own = noOpensslReason ? '' : selfSigned('practice.lan');

suite('the window and the server certificate', () => {
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

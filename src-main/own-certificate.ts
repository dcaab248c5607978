// With TLS_CERT_FILE the window opens the embedded server over https; it trusts exactly that certificate, and only there.
import { X509Certificate } from 'node:crypto';
import { isAppUrl } from './navigation-policy.js';

/**
 * Electron's `certificate-error` asks whether to go on with a certificate Chromium does not trust (a self-signed one,
 * or one for the LAN name while the window opens 127.0.0.1). Yes only for the app's own address presenting the very
 * certificate the server was configured with; every other page and certificate is refused as Chromium would.
 */
export function isOwnCertificate(url: string, presentedPem: string, appOrigin: string, ownPem: string | null): boolean {
  if (!ownPem || !isAppUrl(url, appOrigin)) return false;
  try {
    return new X509Certificate(presentedPem).fingerprint256 === new X509Certificate(ownPem).fingerprint256;
  } catch {
    return false;
  }
}

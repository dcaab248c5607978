// Self-signed certificates for the HTTPS tests, made with the openssl command line (Node cannot issue X.509 itself).
import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';

/** Why the certificate tests cannot run here, or null when they can. */
export const noOpensslReason =
  spawnSync('openssl', ['version']).status === 0 ? null : 'the openssl command is not installed (Debian: apt-get install openssl)';

export interface CertificateFiles {
  certFile: string;
  keyFile: string;
}

/** A one-day P-256 certificate and its key in `dir`, for 127.0.0.1 and localhost, named `name`. */
export function makeSelfSignedCertificate(dir: string, name: string): CertificateFiles {
  const certFile = path.join(dir, `${name}.crt`);
  const keyFile = path.join(dir, `${name}.key`);
  const subject = ['-subj', `/CN=${name}`, '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost'];
  const key = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', keyFile];
  execFileSync('openssl', ['req', '-x509', '-days', '1', ...key, ...subject, '-out', certFile], { stdio: 'ignore' });
  return { certFile, keyFile };
}

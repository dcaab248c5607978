// The HTTPS listener's certificate and key (TLS_CERT_FILE, TLS_KEY_FILE): read once at start, each problem one clear line.
import fs from 'node:fs';
import tls from 'node:tls';
import { ConfigError, type ServerConfig } from './config.js';

export interface TlsCredentials {
  cert: Buffer;
  key: Buffer;
}

function readPem(file: string, variable: string): Buffer {
  try {
    return fs.readFileSync(file);
  } catch (error) {
    throw new ConfigError(`${variable} ${file} cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
}

export function readTlsFiles(files: NonNullable<ServerConfig['tls']>): TlsCredentials {
  const credentials = { cert: readPem(files.certFile, 'TLS_CERT_FILE'), key: readPem(files.keyFile, 'TLS_KEY_FILE') };
  try {
    // Parses both and checks that the key belongs to the certificate, as the listener would on its first client.
    tls.createSecureContext(credentials);
  } catch (error) {
    throw new ConfigError(`TLS_CERT_FILE and TLS_KEY_FILE must be a PEM certificate and its own private key (${(error as Error).message})`);
  }
  return credentials;
}

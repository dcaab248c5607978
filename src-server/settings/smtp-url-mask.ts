// The SMTP URL's password never leaves the server: staff see it masked, and sending the mask back keeps the stored
// password only for the same server and account.
import { ValidationError } from '../http/errors.js';

const MASK = '********';

/** The SMTP URL as staff may see it: the password replaced, never returned. */
export function maskSmtpUrl(smtpUrl: string | null): string | null {
  if (!smtpUrl) return smtpUrl;
  try {
    const url = new URL(smtpUrl);
    if (url.password) url.password = MASK;
    return url.toString();
  } catch {
    return null;
  }
}

/**
 * A PATCH that sends back the masked SMTP URL keeps the stored password, but only for the same server and account
 * (scheme, host, port and user unchanged): otherwise the mask would send the stored password to another server.
 */
export function unmaskSmtpUrl(submitted: string, current: string | null): string {
  let url: URL;
  try {
    url = new URL(submitted);
  } catch {
    return submitted; // the setting's own check reports the malformed URL
  }
  if (url.password !== MASK || !current) return submitted;
  const stored = new URL(current);
  const sameAccount =
    url.protocol === stored.protocol && url.hostname === stored.hostname && url.port === stored.port && url.username === stored.username;
  if (!sameAccount) {
    throw new ValidationError({
      smtp_url: ['Type the SMTP password again: the server, port or user changed, so the stored password is not sent there.'],
    });
  }
  url.password = stored.password;
  return url.toString();
}

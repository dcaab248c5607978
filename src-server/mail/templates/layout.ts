// The shared shape of every mail: a plain-text part a client can read anywhere, and a simple HTML part.
export interface MailContent {
  subject: string;
  text: string;
  html: string;
}

export interface MailParts {
  subject: string;
  greeting: string;
  paragraphs: string[];
  /** A code shown large (an OTP). */
  code?: string;
  /** A button-like link with its label. */
  link?: { url: string; label: string };
  closing?: string;
  /** Signs the mail ("Kind regards, Praxis Lindenhof"): settings' practice_name, else the sender's name. */
  practiceName?: string;
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export function renderMail(parts: MailParts): MailContent {
  const closing = parts.closing ?? (parts.practiceName ? `Kind regards,\n${parts.practiceName}` : 'Kind regards');
  const text = [
    parts.greeting,
    '',
    ...parts.paragraphs.flatMap((p) => [p, '']),
    ...(parts.code ? [`    ${parts.code}`, ''] : []),
    ...(parts.link ? [`${parts.link.label}: ${parts.link.url}`, ''] : []),
    closing,
  ].join('\n');
  const html = `<!doctype html><html><body style="font-family:system-ui,-apple-system,Segoe UI,sans-serif;color:#1f2937;line-height:1.5;max-width:560px;margin:0 auto;padding:24px">
<p>${escapeHtml(parts.greeting)}</p>
${parts.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
${parts.code ? `<p style="font-size:28px;font-weight:700;letter-spacing:6px;margin:24px 0">${escapeHtml(parts.code)}</p>` : ''}
${parts.link ? `<p style="margin:24px 0"><a href="${escapeHtml(parts.link.url)}" style="background:#2563eb;color:#fff;padding:10px 18px;border-radius:6px;text-decoration:none">${escapeHtml(parts.link.label)}</a></p><p style="font-size:13px;color:#6b7280">${escapeHtml(parts.link.url)}</p>` : ''}
<p>${escapeHtml(closing).replace(/\n/g, '<br>')}</p>
</body></html>`;
  return { subject: parts.subject, text, html };
}

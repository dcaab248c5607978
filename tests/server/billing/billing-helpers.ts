// Builders for the billing tests: the practice profile, and a PDF's text read back with pdf-parse.
import { PDFParse } from 'pdf-parse';
import { expect } from 'vitest';
import { PROFILE } from '../../helpers/practice-profile.js';
import type { TestServer } from '../../helpers/test-server.js';
import type { TestAccount } from '../../helpers/users.js';
import { as } from '../clients/record-helpers.js';

export { PROFILE };

export async function setProfile(ts: TestServer, staff: TestAccount, profile: Record<string, unknown> = PROFILE): Promise<void> {
  const res = await (await as(ts, staff)).patch('/api/admin/settings/', profile);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

export async function pdfText(pdf: Buffer): Promise<string> {
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    return (await parser.getText()).text;
  } finally {
    await parser.destroy();
  }
}

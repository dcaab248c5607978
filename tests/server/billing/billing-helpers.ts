// Builders for the billing tests: the practice profile, and a PDF's text read back with pdf-parse.
import { PDFParse } from 'pdf-parse';
import { expect } from 'vitest';
import type { TestServer } from '../../helpers/test-server.js';
import type { TestAccount } from '../../helpers/users.js';
import { as } from '../clients/record-helpers.js';

export const PROFILE = {
  practice_name: 'Praxis Lindenhof',
  therapist_name: 'Dr. Thera Pist',
  address: 'Lindenstrasse 5, 10969 Berlin',
  phone: '+49 30 5550100',
  website: 'https://praxis-lindenhof.example',
  tax_id: 'DE123456789',
  payment_details: 'IBAN DE89 3704 0044 0532 0130 00',
  currency: 'EUR',
  session_fee: '80.00',
  late_cancellation_fee: '40',
  no_show_fee: '60.00',
};

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

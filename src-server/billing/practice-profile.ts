// The practice profile from the settings, as invoices and records print it.
import type { ServerCore } from '../core.js';

export interface PracticeProfile {
  practiceName: string | null;
  therapistName: string | null;
  address: string | null;
  phone: string | null;
  website: string | null;
  taxId: string | null;
  paymentDetails: string | null;
  currency: string;
  sessionFee: string;
  lateCancellationFee: string;
  noShowFee: string;
  timeZone: string;
}

export async function practiceProfile(core: ServerCore): Promise<PracticeProfile> {
  const settings = await core.settings.all();
  const value = (key: keyof typeof settings) => settings[key].value;
  return {
    practiceName: value('practice_name'),
    therapistName: value('therapist_name'),
    address: value('address'),
    phone: value('phone'),
    website: value('website'),
    taxId: value('tax_id'),
    paymentDetails: value('payment_details'),
    currency: value('currency') ?? 'EUR',
    sessionFee: value('session_fee') ?? '0',
    lateCancellationFee: value('late_cancellation_fee') ?? '0',
    noShowFee: value('no_show_fee') ?? '0',
    timeZone: value('practice_timezone') ?? 'UTC',
  };
}

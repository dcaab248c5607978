// The practice profile the billing tests (API and browser) invoice with: a Berlin practice charging in euros.
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

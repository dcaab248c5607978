// The mail that carries an issued invoice as a PDF attachment: the number, the total and how to pay; nothing clinical.
import { renderMail, type MailContent } from './layout.js';

export interface InvoiceIssuedDetails {
  firstName: string;
  number: string;
  total: string;
  paymentDetails: string | null;
  practiceName: string | null;
}

export function invoiceIssuedMail(details: InvoiceIssuedDetails): MailContent {
  const from = details.practiceName ?? 'your practice';
  return renderMail({
    subject: `Invoice ${details.number} from ${from}`,
    greeting: `Hello ${details.firstName},`,
    paragraphs: [
      `Please find attached invoice ${details.number} (PDF) over ${details.total}.`,
      ...(details.paymentDetails ? [`Payment details: ${details.paymentDetails}. Please quote ${details.number} with your payment.`] : []),
      'If you have a question about it, just reply to this mail.',
    ],
    closing: `Kind regards,\n${details.practiceName ?? 'Your practice'}`,
  });
}

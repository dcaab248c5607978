// The mail with the code that confirms a new account's email address.
import { renderMail, type MailContent } from './layout.js';

export function verificationCodeMail(firstName: string, code: string, validMinutes: number): MailContent {
  return renderMail({
    subject: 'Your verification code',
    greeting: `Hello ${firstName},`,
    paragraphs: [
      'Thank you for registering. If you did not register, you can ignore this email: without the code, no account is activated.',
      `To confirm your email address, enter this code in the app within ${validMinutes} minutes (you can ask for a new one there):`,
    ],
    code,
  });
}

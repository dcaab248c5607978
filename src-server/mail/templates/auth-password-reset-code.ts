// The mail with the code that lets the account's owner set a new password.
import { accountGreeting } from './auth-greeting.js';
import { renderMail, type MailContent } from './layout.js';

export function passwordResetCodeMail(verifiedFirstName: string | null, code: string, validMinutes: number): MailContent {
  return renderMail({
    subject: 'Your password reset code',
    greeting: accountGreeting(verifiedFirstName),
    paragraphs: [
      'You asked to set a new password for your account. If that was not you, you can ignore this email: your password stays as it is.',
      `To choose a new password, enter this code in the app within ${validMinutes} minutes:`,
    ],
    code,
  });
}

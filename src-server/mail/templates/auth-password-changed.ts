// The notice that an account's password was changed, so that its owner notices a change they did not make.
import { accountGreeting } from './auth-greeting.js';
import { renderMail, type MailContent } from './layout.js';

export function passwordChangedMail(verifiedFirstName: string | null): MailContent {
  return renderMail({
    subject: 'Your password was changed',
    greeting: accountGreeting(verifiedFirstName),
    paragraphs: [
      'The password of your account has just been changed, and every device that was signed in has been signed out. Sign in again with your new password.',
      'If you did not change it, please choose "Forgot password" in the app right away and contact the practice.',
    ],
  });
}

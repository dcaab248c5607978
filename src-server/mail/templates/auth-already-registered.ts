// The notice sent instead of a code when someone registers with an address that already has an account.
import { accountGreeting } from './auth-greeting.js';
import { renderMail, type MailContent } from './layout.js';

export function alreadyRegisteredMail(verifiedFirstName: string | null): MailContent {
  return renderMail({
    subject: 'You already have an account',
    greeting: accountGreeting(verifiedFirstName),
    paragraphs: [
      'Someone, probably you, just tried to register a new account with this email address. You already have an account, so nothing was changed.',
      'You can sign in as usual. If you have forgotten your password, choose "Forgot password" in the app to set a new one.',
      'If this was not you, you can ignore this email.',
    ],
  });
}

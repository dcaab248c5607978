// The notice that wrong codes were entered for an account, so its owner learns of guessing; it quotes nothing the guesser typed.
import { accountGreeting } from './auth-greeting.js';
import { renderMail, type MailContent } from './layout.js';

export function codeGuessesMail(verifiedFirstName: string | null): MailContent {
  return renderMail({
    subject: 'Several wrong codes were entered for your account',
    greeting: accountGreeting(verifiedFirstName),
    paragraphs: [
      'Several wrong verification or password reset codes were just entered for this email address. For your safety, codes for it are paused for a while, and any code sent before no longer works.',
      'If that was you, wait a little and ask for a new code in the app. If it was not you, nothing has changed: your account and password are as they were, and nobody can sign in with a code without reading this mailbox.',
    ],
  });
}

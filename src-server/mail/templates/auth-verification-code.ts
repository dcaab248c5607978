// The mail with the code that confirms a new account's email address; it goes to an unverified address, so it quotes nothing a person typed.
import { renderMail, type MailContent } from './layout.js';

/** `repeat`: the address already had a registration waiting, which this code confirms unchanged. */
export function verificationCodeMail(code: string, validMinutes: number, { repeat = false } = {}): MailContent {
  return renderMail({
    subject: 'Your verification code',
    greeting: 'Hello,',
    paragraphs: [
      ...(repeat
        ? [
            'Someone, probably you, asked to register this email address again. A registration for it was already waiting for confirmation, so nothing in it was changed.',
            'The code below confirms that first registration: afterwards, sign in with the password chosen then. If you do not know that password, choose "Forgot password" in the app to set your own.',
          ]
        : ['Thank you for registering. If you did not register, you can ignore this email: without the code, no account is activated.']),
      `To confirm your email address, enter this code in the app within ${validMinutes} minutes (you can ask for a new one there):`,
    ],
    code,
  });
}

// The greeting of the account mails: by name only once the address is verified, since until then a stranger may have typed the name.
export function accountGreeting(verifiedFirstName: string | null): string {
  return verifiedFirstName ? `Hello ${verifiedFirstName},` : 'Hello,';
}

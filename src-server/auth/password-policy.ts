// The password rules (Django's default validators); returns the problems, empty when the password is acceptable.
export interface PasswordOwner {
  email?: string;
  first_name?: string;
  last_name?: string;
}

export const MIN_PASSWORD_LENGTH = 8;

export function passwordProblems(password: string, _owner: PasswordOwner = {}): string[] {
  const problems: string[] = [];
  if (password.length < MIN_PASSWORD_LENGTH) {
    problems.push(`This password is too short. It must contain at least ${MIN_PASSWORD_LENGTH} characters.`);
  }
  return problems;
}

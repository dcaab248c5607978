// The password rules: Django's four default validators, with their messages; returns the problems, empty when acceptable.
import { ValidationError } from '../http/errors.js';

export interface PasswordOwner {
  email?: string;
  first_name?: string;
  last_name?: string;
}

export const MIN_PASSWORD_LENGTH = 8;

/** Django's UserAttributeSimilarityValidator default. */
const MAX_SIMILARITY = 0.7;

const OWNER_ATTRIBUTES: [keyof PasswordOwner, string][] = [
  ['first_name', 'first name'],
  ['last_name', 'last name'],
  ['email', 'email address'],
];

let commonPasswords: Promise<Set<string>> | null = null;

/**
 * Loaded and built on first use, not at start-up: the list is ~49,000 passwords, and its package holds several other
 * word lists (about 2 MB of heap) that a server checking no new password never needs.
 */
async function isCommon(password: string): Promise<boolean> {
  commonPasswords ??= import('@zxcvbn-ts/language-common').then(
    ({ dictionary }) => new Set(dictionary['passwords-common'].map((entry) => entry.toLowerCase())),
  );
  return (await commonPasswords).has(password.trim().toLowerCase());
}

/** Python's difflib.SequenceMatcher(a, b).quick_ratio(): an upper bound of the similarity from shared characters. */
function quickRatio(a: string[], b: string[]): number {
  const remaining = new Map<string, number>();
  for (const char of b) remaining.set(char, (remaining.get(char) ?? 0) + 1);
  let matches = 0;
  for (const char of a) {
    const left = remaining.get(char) ?? 0;
    if (left > 0) matches += 1;
    remaining.set(char, left - 1);
  }
  return a.length + b.length === 0 ? 0 : (2 * matches) / (a.length + b.length);
}

/** Django skips parts so short against a long password that they could never reach the maximum similarity. */
function tooShortToCompare(password: string[], part: string[]): boolean {
  return password.length >= 10 * part.length && part.length < (MAX_SIMILARITY / 2) * password.length;
}

/** Django's UserAttributeSimilarityValidator: the whole value and each of its word parts, case-insensitively. */
function similarAttribute(password: string, owner: PasswordOwner): string | null {
  const passwordChars = Array.from(password.toLowerCase());
  for (const [attribute, name] of OWNER_ATTRIBUTES) {
    const value = owner[attribute]?.toLowerCase();
    if (!value) continue;
    for (const part of [...value.split(/[^\p{L}\p{N}_]+/u), value]) {
      const partChars = Array.from(part);
      if (tooShortToCompare(passwordChars, partChars)) continue;
      if (quickRatio(passwordChars, partChars) >= MAX_SIMILARITY) return name;
    }
  }
  return null;
}

export async function passwordProblems(password: string, owner: PasswordOwner = {}): Promise<string[]> {
  const problems: string[] = [];
  const similarTo = similarAttribute(password, owner);
  if (similarTo) problems.push(`The password is too similar to the ${similarTo}.`);
  if (Array.from(password).length < MIN_PASSWORD_LENGTH) {
    problems.push(`This password is too short. It must contain at least ${MIN_PASSWORD_LENGTH} characters.`);
  }
  if (await isCommon(password)) problems.push('This password is too common.');
  if (/^\p{Nd}+$/u.test(password)) problems.push('This password is entirely numeric.');
  return problems;
}

/** A 400 on `field` unless the password passes every rule and, when a confirmation was asked for, matches it. */
export async function assertAcceptablePassword(
  field: string,
  password: string,
  owner: PasswordOwner,
  confirmation?: string,
): Promise<void> {
  if (confirmation !== undefined && password !== confirmation) throw ValidationError.field(field, "Password fields didn't match.");
  const problems = await passwordProblems(password, owner);
  if (problems.length > 0) throw new ValidationError({ [field]: problems });
}

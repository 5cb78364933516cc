import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

/**
 * Password checks that take the same time whether or not the account exists: for an unknown email we
 * still verify against a hash made with the same (library default, argon2id) parameters as real ones,
 * so response time does not reveal which emails have accounts.
 */

let dummyHash: Promise<string> | undefined;

function hashForUnknownAccounts(): Promise<string> {
  dummyHash ??= hash(randomBytes(32).toString('hex'));
  return dummyHash;
}

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

/** True only when `storedHash` exists and matches; always spends one argon2 verification. */
export async function passwordMatches(storedHash: string | null, password: string): Promise<boolean> {
  if (storedHash === null) {
    await verify(await hashForUnknownAccounts(), password);
    return false;
  }
  try {
    return await verify(storedHash, password);
  } catch {
    // A malformed stored hash is a data problem, not a way in.
    return false;
  }
}

/** Computes the dummy hash at start-up so the first unknown-email login isn't measurably slower. */
export async function warmUpPasswordChecks(): Promise<void> {
  await hashForUnknownAccounts();
}

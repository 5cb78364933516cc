import { randomInt, scrypt, timingSafeEqual, randomBytes } from 'node:crypto';
import { promisify } from 'node:util';

/**
 * The code a customer shows at the counter. Only its hash is stored (orders.pickup_code_hash); the code
 * itself exists in clear in one place, the notification that tells the customer. Hashed with scrypt and
 * a random salt, so a leaked table does not hand out codes, and compared in constant time.
 */

export const DEFAULT_PICKUP_CODE_DIGITS = 6;

const scryptAsync = promisify(scrypt) as (password: string, salt: Buffer, keylen: number) => Promise<Buffer>;
const KEY_BYTES = 32;
const SALT_BYTES = 16;
const SCHEME = 'scrypt';

export function generatePickupCode(digits = DEFAULT_PICKUP_CODE_DIGITS): string {
  return Array.from({ length: digits }, () => String(randomInt(10))).join('');
}

export async function hashPickupCode(code: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await scryptAsync(code, salt, KEY_BYTES);
  return `${SCHEME}$${salt.toString('base64')}$${key.toString('base64')}`;
}

/** False for a wrong code and for a hash in an unknown format (never throws on bad input). */
export async function pickupCodeMatches(code: string, storedHash: string): Promise<boolean> {
  const [scheme, saltText, keyText] = storedHash.split('$');
  if (scheme !== SCHEME || saltText === undefined || keyText === undefined) return false;
  const expected = Buffer.from(keyText, 'base64');
  const actual = await scryptAsync(code.trim(), Buffer.from(saltText, 'base64'), expected.length);
  return expected.length === KEY_BYTES && timingSafeEqual(actual, expected);
}

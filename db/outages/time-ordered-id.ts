import { randomBytes } from 'node:crypto';

const COUNTER_LIMIT = 0x1_0000_0000;

/**
 * UUIDs version 7 (RFC 9562) for one import, in increasing order: 48 bits of Unix milliseconds and 42
 * random bits drawn once, then a 32-bit counter. Rows written in that order land at the right edge of
 * their B-trees (a journal import of a million rows touches a few index pages at a time instead of
 * random ones all over a primary key bigger than the buffer cache); a fresh prefix every 2^32 ids.
 * Two imports share ids only if they start in the same millisecond and draw the same 42 bits, and even
 * then the primary key refuses the second (its transaction rolls back, nothing is overwritten).
 */
export function timeOrderedIds(): () => string {
  let prefix = '';
  let counter = COUNTER_LIMIT;
  return () => {
    if (counter === COUNTER_LIMIT) {
      const time = Date.now().toString(16).padStart(12, '0');
      const random = randomBytes(6).toString('hex');
      const variant = (0x8 | (parseInt(random.slice(3, 4), 16) & 0x3)).toString(16);
      prefix = `${time.slice(0, 8)}-${time.slice(8, 12)}-7${random.slice(0, 3)}-${variant}${random.slice(4, 7)}-${random.slice(7, 11)}`;
      counter = 0;
    }
    const id = prefix + counter.toString(16).padStart(8, '0');
    counter += 1;
    return id;
  };
}

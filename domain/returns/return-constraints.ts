/**
 * The rules the database keeps for returns and refunds (migration 20261202200000_returns_rules), by the
 * constraint name its errors carry, with what a person is told when one refuses a write. The API answers
 * them with 409: the eligibility rules refuse the ordinary case first, so the database answers only a race.
 */
export const returnRuleViolations: Readonly<Record<string, string>> = {
  order_lines_returned_within_sold: 'Another return took these units first: they can no longer be returned',
  return_lines_refund_within_price: 'The refund of a return line would exceed what its units cost',
  refunds_within_return_line: 'The refund would exceed what the return line refunds',
  refunds_match_payment: 'The refund is not of this order’s payment',
  payments_refunds_within_amount: 'Refunds would exceed what was paid',
};

/** Triggers raise their own sentences (without the constraint name in the text): how to recognise each. */
export const returnRuleTriggerMessages: readonly { pattern: RegExp; constraint: string }[] = [
  { pattern: /^return line \S+ refunds \d+ minor units, more than/, constraint: 'return_lines_refund_within_price' },
  { pattern: /^return line \S+ already has a refund of/, constraint: 'refunds_within_return_line' },
  { pattern: /^refund of \d+ exceeds the \d+ the return line refunds/, constraint: 'refunds_within_return_line' },
  { pattern: /^refund \S+ is not of a payment of order/, constraint: 'refunds_match_payment' },
];

/** The returns rule a database error message names or is raised by, if any. */
export function returnRuleOf(message: string): string | undefined {
  return (
    Object.keys(returnRuleViolations).find((constraint) => message.includes(`"${constraint}"`)) ??
    returnRuleTriggerMessages.find(({ pattern }) => pattern.test(message))?.constraint
  );
}

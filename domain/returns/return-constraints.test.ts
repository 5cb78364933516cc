import { returnRuleOf } from './return-constraints';

describe('returnRuleOf', () => {
  it('names the CHECK a PostgreSQL message names, and the trigger a raised sentence comes from', () => {
    expect(returnRuleOf('new row for relation "order_lines" violates check constraint "order_lines_returned_within_sold"')).toBe(
      'order_lines_returned_within_sold',
    );
    expect(returnRuleOf('refund of 1300 exceeds the 1250 the return line refunds')).toBe('refunds_within_return_line');
    expect(returnRuleOf('return line 5f0 refunds 3000 minor units, more than 2 units at 1250 cost')).toBe(
      'return_lines_refund_within_price',
    );
    expect(returnRuleOf('new row for relation "stores" violates check constraint "stores_code_format"')).toBeUndefined();
  });
});

/**
 * The business key of the money a return gives back for one of its lines, passed to the channel's refund
 * API or the payment provider too, so however often the refund activity runs the customer is paid once.
 * The database checks that a refund row tied to a return line carries exactly this key.
 */
export function returnRefundKey(returnId: string, returnLineId: string): string {
  return `refund:return:${returnId}:${returnLineId}`;
}

/** The return's workflow id: one run per return. */
export function returnWorkflowId(returnId: string): string {
  return `return:${returnId}`;
}

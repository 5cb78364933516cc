import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

/**
 * The custom search attributes our workflows set, typed once for workflows, starters and the API's
 * Workflows list. domain/search-attributes.json is the same list for the bootstrap (it registers them on
 * the server); search-attributes.test.ts keeps the two equal.
 */
export const searchAttributes = {
  /** The business key the workflow id is made of (`pickup:<orderId>`). */
  businessKey: defineSearchAttributeKey('BusinessKey', SearchAttributeType.KEYWORD),
  /** pickup, inventory, returns...: the Workflows list filters by it. */
  workflowDomain: defineSearchAttributeKey('WorkflowDomain', SearchAttributeType.KEYWORD),
  /** Store staff see only the runs of their store. */
  storeCode: defineSearchAttributeKey('StoreCode', SearchAttributeType.KEYWORD),
  channelCode: defineSearchAttributeKey('ChannelCode', SearchAttributeType.KEYWORD),
  /** Shown in lists without querying every run; upserted by the run when its step changes. */
  currentStep: defineSearchAttributeKey('CurrentStep', SearchAttributeType.KEYWORD),
} as const;

export type SearchAttributeName = (typeof searchAttributes)[keyof typeof searchAttributes]['name'];

/** A keyword attribute as the workflow-start outbox stores it (`{ name, type, value }`). */
export function startAttribute(key: (typeof searchAttributes)[keyof typeof searchAttributes], value: string) {
  return { name: key.name, type: key.type, value };
}

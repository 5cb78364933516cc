import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

/**
 * Search attributes of pickup runs (registered from domain/search-attributes.json): the admin UI's
 * Workflows list filters by them and shows CurrentStep without querying every run.
 */
export const businessKeyAttribute = defineSearchAttributeKey('BusinessKey', SearchAttributeType.KEYWORD);
export const workflowDomainAttribute = defineSearchAttributeKey('WorkflowDomain', SearchAttributeType.KEYWORD);
export const storeCodeAttribute = defineSearchAttributeKey('StoreCode', SearchAttributeType.KEYWORD);
export const channelCodeAttribute = defineSearchAttributeKey('ChannelCode', SearchAttributeType.KEYWORD);
export const currentStepAttribute = defineSearchAttributeKey('CurrentStep', SearchAttributeType.KEYWORD);

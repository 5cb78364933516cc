import { defineQuery } from '@temporalio/workflow';
import { stockCountWorkflow } from './stock-count-definition';
import { type StockCountTimeline } from './stock-count-workflow';

export const stockCountTimelineQuery = defineQuery<StockCountTimeline>(stockCountWorkflow.timelineQuery);

import { defineQuery, defineUpdate } from '@temporalio/workflow';
import { type SampleCancelRequest, type SampleTimeline } from './sample-contract';
import { sampleStockCountWorkflow } from './sample-definition';

export const sampleTimelineQuery = defineQuery<SampleTimeline>(sampleStockCountWorkflow.timelineQuery);
export const cancelSampleUpdate = defineUpdate<SampleTimeline, [SampleCancelRequest]>(sampleStockCountWorkflow.cancelUpdate);
export const SAMPLE_NOT_CANCELLABLE = sampleStockCountWorkflow.notCancellableFailure;

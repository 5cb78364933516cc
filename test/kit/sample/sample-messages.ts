import { defineQuery, defineUpdate } from '@temporalio/workflow';
import { type SampleCancelRequest, type SampleTimeline } from './sample-contract';

export const sampleTimelineQuery = defineQuery<SampleTimeline>('sampleTimeline');
export const cancelSampleUpdate = defineUpdate<SampleTimeline, [SampleCancelRequest]>('cancelSample');
export const SAMPLE_NOT_CANCELLABLE = 'SAMPLE_NOT_CANCELLABLE';

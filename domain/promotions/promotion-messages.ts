import { defineQuery, defineSignal } from '@temporalio/workflow';
import { type PromotionRolloutState } from './promotion-workflow';

export interface PromotionEditedMessage {
  version: number;
  editedByUserId: string;
}

/** Queued with every edit of a promotion its run holds (scheduled, approved): the timer is re-armed, approval asked again. */
export const PROMOTION_EDITED_SIGNAL = 'promotionEdited';
export const promotionEditedSignal = defineSignal<[PromotionEditedMessage]>(PROMOTION_EDITED_SIGNAL);

/** Cancel a promotion: before the start it never goes live; once live its prices are restored now. */
export const PROMOTION_CANCELLED_SIGNAL = 'promotionCancelled';
export const promotionCancelledSignal = defineSignal<[{ reason: string; userId: string }]>(PROMOTION_CANCELLED_SIGNAL);

export const promotionRolloutQuery = defineQuery<PromotionRolloutState>('promotionRollout');

import { defineSignal } from '@temporalio/workflow';

export interface PromotionEditedMessage {
  version: number;
  editedByUserId: string;
}

/** Queued with every edit of a promotion its run holds (scheduled, approved): the timer is re-armed, approval asked again. */
export const PROMOTION_EDITED_SIGNAL = 'promotionEdited';
export const promotionEditedSignal = defineSignal<[PromotionEditedMessage]>(PROMOTION_EDITED_SIGNAL);

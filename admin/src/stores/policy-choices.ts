/** Mirrors the API's UnfulfillablePickupPolicy enum; labels are i18n keys. */
export const unfulfillablePolicyChoices = ['OFFER_OTHER_STORE', 'CANCEL_AND_REFUND'].map((id) => ({
  id,
  name: `omni.unfulfillable_policy.${id}`,
}));

/** Mirrors the API's ChannelKind and ChannelStatus enums; labels are i18n keys. */
export const channelKindChoices = ['WEB_STORE', 'MARKETPLACE', 'SOCIAL_CATALOG', 'POS'].map((id) => ({
  id,
  name: `omni.channel_kind.${id}`,
}));

export const channelStatusChoices = ['ACTIVE', 'DEGRADED', 'OUTAGE', 'DISABLED'].map((id) => ({ id, name: `omni.channel_status.${id}` }));

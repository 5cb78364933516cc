/** Mirrors the API's roles; labels are i18n keys. */
export const roleChoices = ['ADMIN', 'OPS_LEAD', 'STORE_STAFF'].map((id) => ({ id, name: `omni.roles.${id}` }));

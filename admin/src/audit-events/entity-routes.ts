/** Audited entity types whose records have a page in this UI, by the resource that shows them. */
const resourceByEntityType: Record<string, string> = {
  Order: 'orders',
  Task: 'tasks',
  User: 'users',
  Store: 'stores',
  Channel: 'channels',
  Product: 'products',
  StockAdjustment: 'stock-adjustments',
  Return: 'returns',
};

/** The show path of an audited entity, or null when the UI has no page for that type. */
export function entityShowPath(entityType: string, entityId: string): string | null {
  const resource = resourceByEntityType[entityType];
  return resource === undefined ? null : `/${resource}/${encodeURIComponent(entityId)}/show`;
}

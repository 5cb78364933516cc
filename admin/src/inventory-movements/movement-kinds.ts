/** The ledger's movement kinds (prisma InventoryMovementKind); labels are i18n keys. */
export const movementKindChoices = [
  'RECEIVE',
  'RESERVE',
  'RELEASE',
  'CONSUME',
  'ADJUST',
  'RETURN_RESTOCK',
  'WRITE_OFF',
  'OFFLINE_SALE',
  'RECONCILE',
].map((id) => ({ id, name: `omni.movement_kind.${id}` }));

import englishMessages from 'ra-language-english';

/**
 * English labels. react-admin reads `resources.<name>.name` for menu and titles and
 * `resources.<name>.fields.<source>` for column and input labels; our own texts live under `omni.`.
 * A translation (e.g. `id.ts` for Indonesian) copies this shape with its own texts.
 */
export const en = {
  ...englishMessages,
  ra: {
    ...englishMessages.ra,
    auth: { ...englishMessages.ra.auth, username: 'Email' },
  },
  resources: {
    stores: {
      name: 'Store |||| Stores',
      fields: {
        code: 'Code',
        name: 'Name',
        city: 'City',
        address: 'Address',
        timeZone: 'Time zone',
        currency: 'Currency',
        pickSlaMinutes: 'Pick SLA (minutes)',
        pickupReminderMinutes: 'Pickup reminders (minutes after ready)',
        pickupExpiryHours: 'Pickup expires after (hours)',
        unfulfillablePolicy: 'When the store cannot cover an order',
        active: 'Active',
        q: 'Search',
      },
    },
    channels: {
      name: 'Channel |||| Channels',
      fields: {
        code: 'Code',
        name: 'Name',
        kind: 'Kind',
        status: 'Status',
        baseUrl: 'API address',
        requestsPerSecond: 'Requests per second',
        burst: 'Burst',
        perItemCost: 'Every batch row counts as a request',
        maxBatchSize: 'Largest batch',
        asyncJobs: 'Asynchronous jobs',
        safetyBuffer: 'Safety buffer (units held back)',
        closeListingAtOrBelow: 'Close listing at or below (units)',
        lastHealthyAt: 'Last healthy',
        q: 'Search',
      },
    },
    products: {
      name: 'Product |||| Products',
      fields: {
        sku: 'SKU',
        name: 'Name',
        description: 'Description',
        category: 'Category',
        basePriceMinor: 'Base price',
        floorPriceMinor: 'Floor price',
        active: 'Active',
        q: 'Search',
      },
    },
    inventory: {
      name: 'Stock level |||| Inventory',
      fields: {
        sku: 'SKU',
        productName: 'Product',
        storeId: 'Store',
        storeCode: 'Store',
        storeName: 'Store name',
        productId: 'Product',
        onHand: 'On hand',
        reserved: 'Reserved',
        available: 'Available',
        updatedAt: 'Updated',
        lowStock: 'Low stock only',
        q: 'Search',
      },
    },
    users: {
      name: 'User |||| Users',
      fields: {
        email: 'Email',
        name: 'Name',
        role: 'Role',
        storeId: 'Store',
        isStoreManager: 'Store manager',
        active: 'Active',
        lastLoginAt: 'Last sign-in',
        q: 'Search',
      },
    },
    'audit-events': {
      name: 'Audit event |||| Audit log',
      fields: {
        createdAt: 'When',
        actorLabel: 'Who',
        action: 'Action',
        entityType: 'Entity',
        entityId: 'Entity id',
        workflowId: 'Workflow',
        requestId: 'Request id',
        changes: 'Changes',
      },
    },
  },
  omni: {
    roles: { ADMIN: 'Admin', OPS_LEAD: 'Ops lead', STORE_STAFF: 'Store staff' },
    channel_kind: { WEB_STORE: 'Web store', MARKETPLACE: 'Marketplace', SOCIAL_CATALOG: 'Social catalogue', POS: 'Point of sale' },
    channel_status: { ACTIVE: 'Active', DEGRADED: 'Degraded', OUTAGE: 'Outage', DISABLED: 'Disabled' },
    unfulfillable_policy: { OFFER_OTHER_STORE: 'Offer another store', CANCEL_AND_REFUND: 'Cancel and refund' },
    stock: { out: 'Out of stock', low: 'Low', ok: 'In stock' },
    sections: {
      pickup_settings: 'Pickup settings',
      rate_limit: 'Rate-limit profile',
      listing: 'Listing and stock publishing',
      stock_per_store: 'Stock per store',
    },
    audit: { field: 'Field', before: 'Before', after: 'After', no_changes: 'No field changes recorded' },
    validation: { minutes_list: 'Enter whole minutes separated by commas, e.g. 60, 240' },
  },
};

export type TranslationMessages = typeof en;

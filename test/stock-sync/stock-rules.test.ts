import { parseConfig } from '../../domain/config';
import { compareListing } from '../../domain/channels/listing-drift';
import { desiredListingState, needsListingStatusPush, sellableStock } from '../../domain/channels/sellable-stock';
import { pageSizeFor } from '../../domain/channels/stock-sync-settings';
import { apiKeyFor } from '../../activities/channels/channel-api-keys';
import { workerConfigSchema } from '../../worker/config';

describe('sellable stock', () => {
  it('holds back the safety buffer and never publishes a negative quantity', () => {
    expect(sellableStock(10, 2)).toBe(8);
    expect(sellableStock(2, 2)).toBe(0);
    expect(sellableStock(1, 3)).toBe(0);
  });

  it('closes a listing at or below the threshold, and any listing of an inactive product', () => {
    const rules = { safetyBuffer: 2, closeListingAtOrBelow: 1 };
    expect(desiredListingState({ available: 4, productActive: true, ...rules })).toEqual({ quantity: 2, open: true });
    expect(desiredListingState({ available: 3, productActive: true, ...rules })).toEqual({ quantity: 1, open: false });
    expect(desiredListingState({ available: 50, productActive: false, ...rules })).toEqual({ quantity: 0, open: false });
  });

  it('sends open/close only when it changes what we set or what the channel last showed', () => {
    expect(needsListingStatusPush(true, true, null)).toBe(false);
    expect(needsListingStatusPush(true, true, true)).toBe(false);
    expect(needsListingStatusPush(false, true, true)).toBe(true);
    expect(needsListingStatusPush(true, true, false)).toBe(true);
  });

  it('pages within the channel batch limit', () => {
    expect(pageSizeFor({ pageSize: 500 }, 20)).toBe(20);
    expect(pageSizeFor({ pageSize: 100 }, 1000)).toBe(100);
  });
});

describe('listing drift', () => {
  const pushed = { stock: 5, open: true };
  it('tolerates a configured stock difference but never a wrong open state or a missing listing', () => {
    expect(compareListing(pushed, { listed: true, stock: 6, open: true }, 1).drifted).toBe(false);
    expect(compareListing(pushed, { listed: true, stock: 7, open: true }, 1)).toMatchObject({ drifted: true, stockDelta: 2 });
    expect(compareListing(pushed, { listed: true, stock: 5, open: false }, 10)).toMatchObject({ drifted: true, openMismatch: true });
    expect(compareListing(pushed, { listed: false, stock: null, open: false }, 10)).toMatchObject({ drifted: true, missing: true });
  });
});

describe('channel API keys', () => {
  it('takes keys from CHANNEL_API_KEYS and falls back to the sandbox dev key only while allowed', () => {
    const config = parseConfig(workerConfigSchema, { CHANNEL_API_KEYS: '{"megamart":"real-key"}', CHANNEL_SANDBOX_DEV_KEYS: 'false' });
    const settings = { keys: config.CHANNEL_API_KEYS, useSandboxDevKeys: config.CHANNEL_SANDBOX_DEV_KEYS };
    expect(apiKeyFor('megamart', settings)).toBe('real-key');
    expect(apiKeyFor('bazaar', settings)).toBeNull();
    expect(apiKeyFor('bazaar', { ...settings, useSandboxDevKeys: true })).toBe('sandbox-key-bazaar');
  });

  it('refuses a CHANNEL_API_KEYS that is not a JSON object of strings, naming the variable', () => {
    expect(() => parseConfig(workerConfigSchema, { CHANNEL_API_KEYS: 'megamart=key' })).toThrow(/CHANNEL_API_KEYS: must be a JSON object/);
    expect(() => parseConfig(workerConfigSchema, { CHANNEL_API_KEYS: '{"megamart":42}' })).toThrow(/CHANNEL_API_KEYS/);
    expect(() => parseConfig(workerConfigSchema, { STOCK_SYNC_ENABLED: 'yes' })).toThrow(/STOCK_SYNC_ENABLED/);
  });
});

import { type StockCountSettings } from '../../../domain/stock-counts/stock-count-workflow';
import { type AppConfig } from '../../app';

/** The stock count run's settings from the API's config (docs/stock-counts.md, "Configuration"). */
export function stockCountSettingsOf(config: AppConfig): StockCountSettings {
  const tolerance = { units: config.STOCK_COUNT_TOLERANCE_UNITS, valueMinor: config.STOCK_COUNT_TOLERANCE_VALUE_MINOR };
  return {
    slaMs: config.STOCK_COUNT_SLA_MS,
    expireAfterEscalationMs: config.STOCK_COUNT_EXPIRE_AFTER_ESCALATION_MS,
    tolerance,
    adjustment: {
      thresholds: { quantity: tolerance.units, valueMinor: tolerance.valueMinor },
      valueLimits: { storeManagerMinor: config.APPROVAL_LIMIT_STORE_MANAGER_MINOR, opsLeadMinor: config.APPROVAL_LIMIT_OPS_LEAD_MINOR },
      approvalSlaMs: config.APPROVAL_SLA_MS,
    },
  };
}

import { apiConfigSchema } from '../../api/config';
import { outageWorkflowSettingsOf } from '../../api/routes/outages/outages';
import { parseConfig } from '../../domain/config';
import { workerConfigSchema } from '../../worker/config';
import { outageDetectionInputFromConfig } from '../../worker/outage-detection-schedule';
import { testConfig } from '../api/support/test-app';

/**
 * Both starters of an outage run (the API's declaration and the worker's detection schedule) pass the late-order
 * settings from variables of the same names and defaults. The API's reaching a real run is in late-orders.test.ts
 * (the run's input); the detection hands its input's settings to the runs it starts as they are.
 */
describe('late-order settings of both starters', () => {
  const env = { OUTAGE_LATE_ORDERS_MARGIN_MS: '120000', INTAKE_PHONE_REGION: 'ID' };

  it('pass a non-default margin and phone region into the run settings', () => {
    expect(outageWorkflowSettingsOf(testConfig(env))).toMatchObject({ lateOrdersMarginMs: 120_000, lateOrdersPhoneRegion: 'ID' });
    expect(outageDetectionInputFromConfig(parseConfig(workerConfigSchema, env)).settings).toMatchObject({
      lateOrdersMarginMs: 120_000,
      lateOrdersPhoneRegion: 'ID',
    });
  });

  it('have the same defaults: 15 minutes and NL', () => {
    expect(outageWorkflowSettingsOf(testConfig({}))).toMatchObject({ lateOrdersMarginMs: 900_000, lateOrdersPhoneRegion: 'NL' });
    expect(outageDetectionInputFromConfig(parseConfig(workerConfigSchema, {})).settings).toMatchObject({
      lateOrdersMarginMs: 900_000,
      lateOrdersPhoneRegion: 'NL',
    });
  });

  it.each([
    ['OUTAGE_LATE_ORDERS_MARGIN_MS', '-1'],
    ['OUTAGE_LATE_ORDERS_MARGIN_MS', 'soon'],
    ['INTAKE_PHONE_REGION', 'XX'],
  ])('refuse %s=%s in both processes', (name, value) => {
    expect(workerConfigSchema.safeParse({ [name]: value }).success).toBe(false);
    expect(apiConfigSchema.safeParse({ [name]: value }).success).toBe(false);
  });
});

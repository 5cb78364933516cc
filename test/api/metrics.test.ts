import request from 'supertest';
import { startTestApi, type TestApi } from './support/test-app';

let api: TestApi;

beforeAll(() => {
  api = startTestApi();
});

afterAll(async () => {
  await api.close();
});

describe('GET /metrics', () => {
  it('serves Prometheus text: requests by route pattern and status, latency, shedding and the workflow-start outbox', async () => {
    await request(api.app).get('/api/stores/00000000-0000-4000-8000-000000000000');
    await request(api.app).get('/api/no-such-route');

    const response = await request(api.app).get('/metrics');

    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain/);
    // By pattern, never by the literal id; unknown paths share one series.
    expect(response.text).toMatch(/omnichannel_http_requests_total\{method="GET",route="\/api\/stores\/:id",status="401"\} 1/);
    expect(response.text).toMatch(/omnichannel_http_requests_total\{method="GET",route="unmatched",status="404"\} 1/);
    expect(response.text).toMatch(
      /omnichannel_http_request_duration_seconds_bucket\{le="0.1",method="GET",route="\/api\/stores\/:id",status="401"\}/,
    );
    expect(response.text).toMatch(/# TYPE omnichannel_http_requests_shed_total counter/);
    expect(response.text).toMatch(/omnichannel_workflow_starts\{workflow_type="all",state="pending"\} \d+/);
    expect(response.text).toMatch(/omnichannel_workflow_starts\{workflow_type="all",state="failed"\} \d+/);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normaliseOrderId, type OrderApi, startOrderApi } from './order-api.ts';

describe('fake order API', () => {
  let api: OrderApi;
  beforeAll(async () => {
    api = await startOrderApi({ port: 0 });
  });
  afterAll(() => api.close());

  it('answers a known order with its status, eta and tracking link', async () => {
    const response = await fetch(`${api.url}/orders/AB-1001`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      id: 'AB-1001',
      status: 'shipped',
      eta: '2025-06-03',
      trackingUrl: 'https://tracking.example.com/AB-1001',
    });
  });

  it('finds an order typed in lower case without the dash', async () => {
    const response = await fetch(`${api.url}/orders/ab1002`);
    expect(await response.json()).toMatchObject({ id: 'AB-1002', status: 'processing' });
  });

  it('answers 404 for an unknown order and an unknown path', async () => {
    expect((await fetch(`${api.url}/orders/ZZ-9999`)).status).toBe(404);
    expect((await fetch(`${api.url}/customers/1`)).status).toBe(404);
  });

  it('normalises order ids and leaves other text alone', () => {
    expect(normaliseOrderId(' cd-2001 ')).toBe('CD-2001');
    expect(normaliseOrderId('hello')).toBe('hello');
  });
});

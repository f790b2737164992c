import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import orders from './orders.json' with { type: 'json' };

export type Order = { id: string; status: string; eta: string | null; trackingUrl: string | null };

export type OrderApi = { url: string; close(): Promise<void> };

const byId = new Map<string, Order>((orders as Order[]).map((order) => [order.id, order]));

/** Customers type `ab1001` as often as `AB-1001`. */
export function normaliseOrderId(raw: string): string {
  const compact = raw.trim().toUpperCase().replace('-', '');
  const match = /^([A-Z]{2})(\d+)$/.exec(compact);
  return match ? `${match[1]}-${match[2]}` : raw;
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

/**
 * A fake order API for the order-status example and its tests: `GET /orders/:id` answers 200 with the
 * order or 404. Listens on 127.0.0.1 only; port 0 picks a free port.
 */
export function startOrderApi(options: { port?: number } = {}): Promise<OrderApi> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const match = /^\/orders\/([^/]+)$/.exec(path);
    if (!match?.[1]) return sendJson(res, 404, { error: 'not found' });
    if (req.method !== 'GET') return sendJson(res, 405, { error: 'only GET is supported' });
    const order = byId.get(normaliseOrderId(decodeURIComponent(match[1])));
    if (!order) return sendJson(res, 404, { error: `no order ${match[1]}` });
    sendJson(res, 200, order);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 4801, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((error) => (error ? fail(error) : done()));
            // Keep-alive connections from the HTTP node would otherwise hold the server open.
            server.closeAllConnections();
          }),
      });
    });
  });
}

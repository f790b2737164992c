import { parseArgs } from 'node:util';
import { startOrderApi } from './order-api.ts';

const { values } = parseArgs({ options: { port: { type: 'string', default: '4801' } } });
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  console.error(`error: --port must be a port number, got "${values.port}"`);
  process.exit(2);
}

const api = await startOrderApi({ port });
console.log(`fake order API on ${api.url} (try ${api.url}/orders/AB-1001); Ctrl+C stops it`);
process.once('SIGINT', () => void api.close());
process.once('SIGTERM', () => void api.close());

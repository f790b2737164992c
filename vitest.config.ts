import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{shared,nodes,runtime,designer,examples}/**/*.test.{ts,tsx}'],
    exclude: ['**/node_modules/**'],
    testTimeout: 20_000,
  },
});

import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  // Monaco's workers are ES modules.
  worker: { format: 'es' },
  build: {
    rolldownOptions: {
      output: {
        // Split chunks keep their modules' source order, or Monaco runs a module before one it needs.
        strictExecutionOrder: true,
        // Monaco's editor is one ~3 MB graph; split, its pieces stay under 1 MB each and load only when
        // a Monaco field is first shown (it is imported lazily).
        codeSplitting: {
          groups: [{ name: 'monaco', test: /node_modules[\\/]monaco-editor[\\/]/, maxSize: 900_000 }],
        },
      },
    },
  },
  // `pnpm dev` talks to a runtime started with `pnpm start`.
  server: { proxy: { '/trpc': 'http://127.0.0.1:4800' } },
});

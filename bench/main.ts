import type { Bench, BenchResult } from './bench-result.ts';
import { designerBench } from './designer/designer-bench.ts';
import { durableBench } from './durable/durable-bench.ts';
import { engineBench } from './engine/engine-bench.ts';
import { printJsonLines, printTable } from './print-results.ts';
import { serverBench } from './server/server-bench.ts';

const benches: Bench[] = [engineBench, serverBench, durableBench, designerBench];

const args = process.argv.slice(2);
const json = args.includes('--json');
const names = args.filter((a) => !a.startsWith('--'));
const unknown = names.filter((n) => !benches.some((b) => b.name === n));
if (unknown.length > 0) {
  console.error(`unknown bench: ${unknown.join(', ')}; known: ${benches.map((b) => b.name).join(', ')}`);
  process.exit(2);
}

const selected = names.length > 0 ? benches.filter((b) => names.includes(b.name)) : benches;
const results: BenchResult[] = [];
for (const bench of selected) {
  if (!json) console.error(`running ${bench.name}: ${bench.description}`);
  const figures = await bench.run();
  results.push(...figures);
  if (json) console.log(printJsonLines(figures));
}
if (!json) console.log(printTable(results));

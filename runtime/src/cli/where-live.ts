import type { AppRouter, inferRouterOutputs } from '../client/index.ts';

export type Live = inferRouterOutputs<AppRouter>['flows']['list'][number]['live'];

/** Where a version runs: `production`, or `staging (10%)` when it takes part of a traffic split. */
export function whereLive(live: Live, version: number): string {
  const places: string[] = [];
  for (const [environment, deployment] of Object.entries(live)) {
    if (!deployment) continue;
    const { versionNumber, split } = deployment;
    if (versionNumber === version)
      places.push(split ? `${environment} (${100 - split.percent}%)` : environment);
    if (split?.versionNumber === version) places.push(`${environment} (${split.percent}%)`);
  }
  return places.join(', ');
}

import type { CompileContext } from '../compile/compile-context.ts';
import type { StateConfig } from '../core/machine-config.ts';
import type { EndConfig } from './definition.ts';

export function compileEnd(config: EndConfig, _ctx: CompileContext): StateConfig {
  return {
    type: 'final',
    entry: [
      { type: 'parley.resolve', params: { status: config.status } },
      {
        type: 'end.say',
        params: { status: config.status, ...(config.message ? { message: config.message } : {}) },
      },
    ],
  };
}

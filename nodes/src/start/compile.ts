import type { z } from 'zod';
import type { CompileContext } from '../compile/compile-context.ts';
import type { StateConfig } from '../core/machine-config.ts';
import type { startConfigSchema } from './definition.ts';

export function compileStart(_config: z.output<typeof startConfigSchema>, ctx: CompileContext): StateConfig {
  return { always: [{ target: ctx.requiredPort('next') }] };
}

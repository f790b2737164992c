import type { z } from 'zod';
import { compileAsk } from '../ask/compile.ts';
import { compileChoice } from '../choice/compile.ts';
import { compileCondition } from '../condition/compile.ts';
import type { StateConfig } from '../core/machine-config.ts';
import { compileEnd } from '../end/compile.ts';
import { compileHttpRequest } from '../http-request/compile.ts';
import { compileMessage } from '../message/compile.ts';
import { type NodeKind, nodeDefinitions } from '../registry.ts';
import { compileSetVariable } from '../set-variable/compile.ts';
import { compileStart } from '../start/compile.ts';
import type { CompileContext } from './compile-context.ts';

type ConfigOf<K extends NodeKind> = z.output<(typeof nodeDefinitions)[K]['configSchema']>;

/** One compile function per node kind; a kind without one fails to type-check. */
export const nodeCompilers: { [K in NodeKind]: (config: ConfigOf<K>, ctx: CompileContext) => StateConfig } = {
  start: compileStart,
  message: compileMessage,
  choice: compileChoice,
  ask: compileAsk,
  condition: compileCondition,
  'set-variable': compileSetVariable,
  'http-request': compileHttpRequest,
  end: compileEnd,
};

export function compileNodeConfig(kind: NodeKind, config: unknown, ctx: CompileContext): StateConfig {
  return (nodeCompilers[kind] as (config: unknown, ctx: CompileContext) => StateConfig)(config, ctx);
}

export { nodeDefinitions };

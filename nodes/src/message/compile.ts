import type { CompileContext } from '../compile/compile-context.ts';
import type { StateConfig } from '../core/machine-config.ts';
import type { MessageConfig } from './definition.ts';

export function compileMessage(config: MessageConfig, ctx: CompileContext): StateConfig {
  return {
    entry: [{ type: 'message.say', params: { messages: config.messages } }],
    always: [{ target: ctx.requiredPort('next') }],
  };
}

import type { BotMessage } from '@parley/shared';
import { interpolate } from '@parley/shared';
import { renderText } from '../machine/common-runtime.ts';
import { scopeOf } from '../machine/flow-context.ts';
import { defineRuntime, sayAction } from '../machine/implementation-helpers.ts';
import type { MessageConfig } from './definition.ts';

export const messageRuntime = defineRuntime(() => ({
  actions: {
    'message.say': sayAction<{ messages: MessageConfig['messages'] }>(({ context }, { messages }) =>
      messages.map((part): BotMessage => {
        if (part.type === 'text') return { type: 'text', text: renderText(part.text, context) };
        return {
          type: 'media',
          mediaType: part.mediaType,
          url: interpolate(part.url, scopeOf(context)),
          ...(part.caption ? { caption: renderText(part.caption, context) } : {}),
        };
      }),
    ),
  },
}));

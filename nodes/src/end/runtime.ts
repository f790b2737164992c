import type { BotMessage, LocalisedText } from '@parley/shared';
import { renderText } from '../machine/common-runtime.ts';
import { defineRuntime, sayAction } from '../machine/implementation-helpers.ts';

export const endRuntime = defineRuntime(() => ({
  actions: {
    'end.say': sayAction<{ status: string; message?: LocalisedText }>(({ context }, { status, message }) => {
      const said: BotMessage[] = message ? [{ type: 'text', text: renderText(message, context) }] : [];
      return [...said, { type: 'end', status }];
    }),
  },
}));

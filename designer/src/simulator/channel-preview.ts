import type { BotMessage } from '@parley/shared';

export const PREVIEW_CHANNELS = ['web', 'sms', 'whatsapp', 'phone'] as const;
export type PreviewChannel = (typeof PREVIEW_CHANNELS)[number];

/** The engine's channel name for each preview: what the flow's `channel` variable holds. */
export const ENGINE_CHANNEL: Record<PreviewChannel, string> = {
  web: 'web',
  sms: 'sms',
  whatsapp: 'whatsapp',
  phone: 'voice',
};

/** One thing the end user would see or hear; `choices` are what they can pick, as the channel offers them. */
export type PreviewItem =
  | { kind: 'text'; text: string }
  | { kind: 'speech'; text: string }
  | { kind: 'buttons'; text: string; choices: { value: string; label: string }[] }
  | { kind: 'numbered'; text: string; choices: { value: string; label: string; key: string }[] }
  | { kind: 'media'; mediaType: string; url: string; caption?: string }
  | { kind: 'end'; status: string };

/** WhatsApp shows at most three reply buttons; longer lists become a numbered list. */
const WHATSAPP_MAX_BUTTONS = 3;

const numbered = (choices: { value: string; label: string }[]) =>
  choices.map((choice, index) => ({ ...choice, key: String(index + 1) }));

/**
 * How a channel presents the bot's messages: web chat and WhatsApp show buttons, SMS numbers the choices
 * for a reply, the phone speaks everything and offers choices as keys to press.
 */
export function previewMessage(message: BotMessage, channel: PreviewChannel): PreviewItem {
  switch (message.type) {
    case 'text':
      return channel === 'phone'
        ? { kind: 'speech', text: message.text }
        : { kind: 'text', text: message.text };
    case 'choices':
      if (channel === 'web' || (channel === 'whatsapp' && message.choices.length <= WHATSAPP_MAX_BUTTONS)) {
        return { kind: 'buttons', text: message.text, choices: message.choices };
      }
      return { kind: 'numbered', text: message.text, choices: numbered(message.choices) };
    case 'media':
      if (channel === 'phone') return { kind: 'speech', text: message.caption ?? '' };
      return {
        kind: 'media',
        mediaType: message.mediaType,
        url: message.url,
        ...(message.caption ? { caption: message.caption } : {}),
      };
    case 'end':
      return { kind: 'end', status: message.status };
  }
}

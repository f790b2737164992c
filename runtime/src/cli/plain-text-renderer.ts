import type { BotMessage } from '@parley/shared';

const BOT = 'bot: ';
// Continuation lines of a multi-line text line up under its first line.
const indent = (text: string) => text.replaceAll('\n', `\n${' '.repeat(BOT.length)}`);

/** Renders one bot message as plain-text lines: buttons become a numbered list. */
export function renderMessage(message: BotMessage): string[] {
  switch (message.type) {
    case 'text':
      return [`${BOT}${indent(message.text)}`];
    case 'choices':
      return [
        `${BOT}${indent(message.text)}`,
        ...message.choices.map((choice, i) => `  [${i + 1}] ${choice.label} (${choice.value})`),
      ];
    case 'media':
      return [
        `${BOT}[${message.mediaType}] ${message.url}${message.caption ? ` ${indent(message.caption)}` : ''}`,
      ];
    case 'end':
      return [endLine(message.status)];
  }
}

/** The closing line, also used when a conversation ends without an end message (a hang-up). */
export function endLine(status: string): string {
  return `-- conversation ended: ${status}`;
}

import type { UserEvent } from '@parley/shared';

export type ParsedLine =
  | { kind: 'event'; event: UserEvent }
  | { kind: 'skip' }
  /** Help or a command typed wrongly: shown to the user, nothing is sent. */
  | { kind: 'notice'; message: string };

export const CHAT_COMMANDS_HELP =
  'commands: /choice <value>, /dtmf <digits>, /hangup, /noinput; start a message with // to send a literal "/"';

/** Turns a typed line into a user event: `/choice value`, `/dtmf 12`, `/hangup`, `/noinput` or a message. */
export function parseUserLine(line: string): ParsedLine {
  const text = line.trim();
  if (text === '') return { kind: 'skip' };
  if (text.startsWith('//')) return { kind: 'event', event: { type: 'user.message', text: text.slice(1) } };
  if (!text.startsWith('/')) return { kind: 'event', event: { type: 'user.message', text } };

  const [command = '', ...rest] = text.split(/\s+/);
  const argument = rest.join(' ');
  switch (command) {
    case '/choice':
      return argument === ''
        ? { kind: 'notice', message: '/choice needs the value of an option, e.g. /choice yes' }
        : { kind: 'event', event: { type: 'user.choice', value: argument } };
    case '/dtmf':
      return /^[0-9*#]+$/.test(argument)
        ? { kind: 'event', event: { type: 'user.dtmf', digits: argument } }
        : { kind: 'notice', message: '/dtmf needs keypad digits (0-9, * and #), e.g. /dtmf 12' };
    case '/hangup':
      return { kind: 'event', event: { type: 'user.hangup' } };
    case '/noinput':
      return { kind: 'event', event: { type: 'timer.no-input' } };
    case '/help':
      return { kind: 'notice', message: CHAT_COMMANDS_HELP };
    default:
      return { kind: 'notice', message: `unknown command ${command}; ${CHAT_COMMANDS_HELP}` };
  }
}

import { describe, expect, it } from 'vitest';
import { parseUserLine } from './parse-user-line.ts';

describe('parseUserLine', () => {
  it('sends an ordinary line as a typed message, trimmed', () => {
    expect(parseUserLine('  AB-1001 ')).toEqual({
      kind: 'event',
      event: { type: 'user.message', text: 'AB-1001' },
    });
  });

  it('maps the slash commands to user events', () => {
    expect(parseUserLine('/choice retry')).toEqual({
      kind: 'event',
      event: { type: 'user.choice', value: 'retry' },
    });
    expect(parseUserLine('/dtmf 12#')).toEqual({
      kind: 'event',
      event: { type: 'user.dtmf', digits: '12#' },
    });
    expect(parseUserLine('/hangup')).toEqual({ kind: 'event', event: { type: 'user.hangup' } });
    expect(parseUserLine('/noinput')).toEqual({ kind: 'event', event: { type: 'timer.no-input' } });
  });

  it('sends a line starting with // as a message with one slash', () => {
    expect(parseUserLine('//etc/passwd')).toEqual({
      kind: 'event',
      event: { type: 'user.message', text: '/etc/passwd' },
    });
  });

  it('skips blank lines', () => {
    expect(parseUserLine('   ')).toEqual({ kind: 'skip' });
  });

  it('explains a mistyped command instead of sending it', () => {
    expect(parseUserLine('/choice')).toMatchObject({
      kind: 'notice',
      message: expect.stringMatching(/value/),
    });
    expect(parseUserLine('/dtmf abc')).toMatchObject({
      kind: 'notice',
      message: expect.stringMatching(/digits/),
    });
    expect(parseUserLine('/restart')).toMatchObject({
      kind: 'notice',
      message: expect.stringMatching(/unknown command \/restart/),
    });
  });
});

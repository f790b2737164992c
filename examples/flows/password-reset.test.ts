import type { FlowDocument } from '@parley/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { readExampleFlow, runTranscript } from './transcript.ts';

let flow: FlowDocument;
beforeAll(async () => {
  flow = await readExampleFlow('password-reset');
});

const chat = (locale: string, lines: string[]) => runTranscript(flow, { locale }, lines);

// The demo code is 100000 + (length of the email * 137911) % 900000, worked out by hand here.
const ADA = 'ada@example.com';
const ADA_CODE = '368665';
const LI = 'li@example.cn';
const LI_CODE = '992843';

describe('password-reset example, English', () => {
  const menu = [
    'bot: Hi! What can I help you with?',
    '  [1] Reset my password (reset)',
    '  [2] Something else (other)',
  ];
  const codeSent = [
    `bot: I would now email a verification code to ${ADA}. This is a demo without a mail server, so here it is: ${ADA_CODE}`,
    'bot: Please enter the 6-digit code.',
  ];

  it('verifies the email with the demo code and resolves', async () => {
    const { lines, resolution } = await chat('en', ['/choice reset', ADA, ADA_CODE]);
    expect(lines).toEqual([
      ...menu,
      'you: /choice reset',
      'bot: Which email address is your account registered with?',
      `you: ${ADA}`,
      ...codeSent,
      `you: ${ADA_CODE}`,
      `bot: Thank you, your email is verified. A password reset link is on its way to ${ADA} (in the demo, nothing is sent).`,
      '-- conversation ended: resolved',
    ]);
    expect(resolution).toBe('resolved');
  });

  it('re-asks a malformed email and a malformed code, accepts the code after a wrong one', async () => {
    const { lines, resolution } = await chat('en', [
      'password',
      'ada at example',
      ADA,
      '12ab',
      '111111',
      ADA_CODE,
    ]);
    expect(lines).toEqual([
      ...menu,
      'you: password',
      'bot: Which email address is your account registered with?',
      'you: ada at example',
      "bot: That doesn't look like an email address. Please try again, e.g. name@example.com.",
      `you: ${ADA}`,
      ...codeSent,
      'you: 12ab',
      'bot: The code has exactly 6 digits. Please try again.',
      'you: 111111',
      'bot: That code is not correct.',
      'bot: Please enter the 6-digit code.',
      `you: ${ADA_CODE}`,
      `bot: Thank you, your email is verified. A password reset link is on its way to ${ADA} (in the demo, nothing is sent).`,
      '-- conversation ended: resolved',
    ]);
    expect(resolution).toBe('resolved');
  });

  it('stops after the third wrong code, unresolved', async () => {
    const { lines, resolution, vars } = await chat('en', [
      '/choice reset',
      ADA,
      '111111',
      '222222',
      '333333',
    ]);
    expect(lines.slice(-6)).toEqual([
      'you: 222222',
      'bot: That code is not correct.',
      'bot: Please enter the 6-digit code.',
      'you: 333333',
      "bot: That was the third wrong code, so I can't reset the password now. Please try again later.",
      '-- conversation ended: unresolved',
    ]);
    expect(resolution).toBe('unresolved');
    expect(vars.codeAttempts).toBe(3);
  });

  it('passes anything else to a colleague', async () => {
    const { lines, resolution } = await chat('en', ['Something else']);
    expect(lines.slice(-2)).toEqual([
      "bot: I can only help with passwords for now. I'll pass you to a colleague.",
      '-- conversation ended: escalated',
    ]);
    expect(resolution).toBe('escalated');
  });
});

describe('password-reset example, Simplified Chinese', () => {
  const menu = ['bot: 您好！请问有什么可以帮您？', '  [1] 重置密码 (reset)', '  [2] 其他问题 (other)'];

  it('verifies the email with the demo code and resolves', async () => {
    const { lines, resolution } = await chat('zh', ['重置密码', LI, LI_CODE]);
    expect(lines).toEqual([
      ...menu,
      'you: 重置密码',
      'bot: 您的账户注册时使用的是哪个电子邮箱？',
      `you: ${LI}`,
      `bot: 现在我会向 ${LI} 发送一个验证码。这是没有邮件服务器的演示，所以验证码直接显示在这里：${LI_CODE}`,
      'bot: 请输入 6 位验证码。',
      `you: ${LI_CODE}`,
      `bot: 谢谢，您的邮箱已验证。密码重置链接正在发送到 ${LI}（演示中不会真正发送）。`,
      '-- conversation ended: resolved',
    ]);
    expect(resolution).toBe('resolved');
  });

  it('re-asks a malformed email, then locks after three wrong codes', async () => {
    const { lines, resolution } = await chat('zh', ['/choice reset', 'li', LI, '000000', '000001', '000002']);
    expect(lines).toEqual([
      ...menu,
      'you: /choice reset',
      'bot: 您的账户注册时使用的是哪个电子邮箱？',
      'you: li',
      'bot: 这似乎不是有效的电子邮箱地址，请重新输入，例如 name@example.com。',
      `you: ${LI}`,
      `bot: 现在我会向 ${LI} 发送一个验证码。这是没有邮件服务器的演示，所以验证码直接显示在这里：${LI_CODE}`,
      'bot: 请输入 6 位验证码。',
      'you: 000000',
      'bot: 验证码不正确。',
      'bot: 请输入 6 位验证码。',
      'you: 000001',
      'bot: 验证码不正确。',
      'bot: 请输入 6 位验证码。',
      'you: 000002',
      'bot: 验证码已连续三次错误，暂时无法重置密码。请稍后再试。',
      '-- conversation ended: unresolved',
    ]);
    expect(resolution).toBe('unresolved');
  });
});

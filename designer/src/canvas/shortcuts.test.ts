import '../i18n/english-for-tests.ts';
import { describe, expect, it } from 'vitest';
import { commandFor } from './shortcuts.ts';

const key = (
  k: string,
  mods: Partial<Record<'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey', boolean>> = {},
) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe('commandFor', () => {
  it('maps Ctrl and Cmd shortcuts', () => {
    expect(commandFor(key('z', { ctrlKey: true }))).toBe('undo');
    expect(commandFor(key('Z', { metaKey: true, shiftKey: true }))).toBe('redo');
    expect(commandFor(key('y', { ctrlKey: true }))).toBe('redo');
    expect(commandFor(key('c', { metaKey: true }))).toBe('copy');
    expect(commandFor(key('v', { ctrlKey: true }))).toBe('paste');
  });

  it('tidies the layout with Shift+L alone', () => {
    expect(commandFor(key('L', { shiftKey: true }))).toBe('tidy');
    expect(commandFor(key('l'))).toBeNull();
    expect(commandFor(key('L', { shiftKey: true, ctrlKey: true }))).toBeNull();
    expect(commandFor(key('L', { shiftKey: true, altKey: true }))).toBeNull();
  });

  it('ignores plain keys and other combinations', () => {
    expect(commandFor(key('z'))).toBeNull();
    expect(commandFor(key('v', { ctrlKey: true, altKey: true }))).toBeNull();
    expect(commandFor(key('x', { ctrlKey: true }))).toBeNull();
  });
});

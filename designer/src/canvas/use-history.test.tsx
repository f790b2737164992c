// @vitest-environment happy-dom
import '../i18n/english-for-tests.ts';
import { act, renderHook } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { useHistory } from './use-history.ts';

describe('useHistory', () => {
  it('records every new controlled value and travels back through them', () => {
    const onChange = vi.fn<(value: string) => void>();
    const { result, rerender } = renderHook(({ value }) => useHistory(value, onChange), {
      initialProps: { value: 'a' },
    });
    expect(result.current.canUndo).toBe(false);
    rerender({ value: 'b' });
    rerender({ value: 'c' });
    expect(result.current.canUndo).toBe(true);

    act(() => result.current.undo());
    expect(onChange).toHaveBeenLastCalledWith('b');
    // The parent accepts the undone state: it must not be recorded as a new edit.
    rerender({ value: 'b' });
    expect(result.current.canRedo).toBe(true);

    act(() => result.current.redo());
    expect(onChange).toHaveBeenLastCalledWith('c');
    rerender({ value: 'c' });
    expect(result.current.canRedo).toBe(false);

    act(() => result.current.undo());
    rerender({ value: 'b' });
    rerender({ value: 'x' });
    // An edit after undoing drops the redo branch.
    expect(result.current.canRedo).toBe(false);
    act(() => result.current.undo());
    expect(onChange).toHaveBeenLastCalledWith('b');
  });

  it('leaves the history alone when the parent does not accept an undo', () => {
    const onChange = vi.fn<(value: string) => void>();
    const { result, rerender } = renderHook(({ value }) => useHistory(value, onChange), {
      initialProps: { value: 'a' },
    });
    rerender({ value: 'b' });
    act(() => result.current.undo());
    expect(onChange).toHaveBeenCalledWith('a');
    rerender({ value: 'b' });
    expect(result.current).toMatchObject({ canUndo: true, canRedo: false });
  });

  it('goes back two steps on two quick undos', () => {
    const onChange = vi.fn<(value: string) => void>();
    const { result, rerender } = renderHook(({ value }) => useHistory(value, onChange), {
      initialProps: { value: 'a' },
    });
    rerender({ value: 'b' });
    rerender({ value: 'c' });
    act(() => {
      result.current.undo();
      result.current.undo();
    });
    expect(onChange.mock.calls).toEqual([['b'], ['a']]);
  });
});

import { describe, expect, it } from 'vitest';
import { CompileError } from '../compile/compile-context.ts';
import { compileFlow } from '../compile/compile-flow.ts';
import { WAITING_TAG } from '../core/machine-config.ts';
import { menuFlow } from './choice-fixtures.ts';

describe('compileChoice', () => {
  it('compiles a menu into one waiting compound state', () => {
    expect(compileFlow(menuFlow()).states.menu).toMatchSnapshot();
  });

  it('waits only in the waiting child', () => {
    const states = compileFlow(menuFlow()).states.menu?.states ?? {};
    expect(
      Object.entries(states)
        .filter(([, s]) => s.tags?.includes(WAITING_TAG))
        .map(([k]) => k),
    ).toEqual(['waiting']);
  });

  it('keeps reprompting when no-match is not connected', () => {
    const waiting = compileFlow(menuFlow({ withoutNoMatch: true })).states.menu?.states?.waiting;
    const fallbacks = waiting?.on?.['timer.no-input'] ?? [];
    expect(fallbacks.map((t) => t.target)).toEqual(['no-input']);
  });

  it('refuses an option whose port leads nowhere, naming the port', () => {
    const flow = menuFlow();
    const edges = (flow.edges ?? []).filter((e) => e.sourcePort !== 'support');
    expect(() => compileFlow({ ...flow, edges })).toThrow(CompileError);
    expect(() => compileFlow({ ...flow, edges })).toThrow(/port "support" of node "menu" is not connected/);
  });
});

// @vitest-environment happy-dom
import { nodeDefinitions, nodeKinds } from '@parley/nodes';
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderInspector } from './inspector-test-harness.tsx';

afterEach(cleanup);

describe('NodeInspector with every registered node kind', () => {
  it.each(nodeKinds)('renders the %s defaults as a valid form with labelled controls only', (kind) => {
    const definition = nodeDefinitions[kind];
    renderInspector(definition.configSchema, definition.defaults, { languages: ['en', 'zh'] });
    const root = screen.getByTestId('node-inspector');
    expect(screen.queryAllByRole('alert')).toEqual([]);
    expect(screen.queryByRole('region', { name: 'Problems with this node' })).toBeNull();
    for (const control of root.querySelectorAll('input, select, textarea')) {
      const labelled =
        control.hasAttribute('aria-label') || root.querySelector(`label[for="${CSS.escape(control.id)}"]`);
      expect(labelled, control.outerHTML).toBeTruthy();
    }
  });
});

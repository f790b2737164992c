// @vitest-environment happy-dom
import '../i18n/english-for-tests.ts';
import { layoutFlowGraph } from '@parley/runtime/server/testing';
import type { FlowDocument } from '@parley/shared';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { ReactFlowProvider } from '@xyflow/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { FlowCanvas, NodePalette } from './index.ts';
import { testFlow } from './test-flow.ts';

// happy-dom lays nothing out; xyflow needs sizes to place nodes and a ResizeObserver to watch them.
beforeAll(() => {
  class ResizeObserverStub {
    observe() {}
    unobserve() {}
    disconnect() {}
  }
  vi.stubGlobal('ResizeObserver', ResizeObserverStub);
  for (const [prop, value] of [
    ['offsetWidth', 240],
    ['offsetHeight', 120],
    ['clientWidth', 1000],
    ['clientHeight', 700],
  ] as const) {
    Object.defineProperty(HTMLElement.prototype, prop, { configurable: true, get: () => value });
  }
});

afterEach(cleanup);

type Props = Partial<Parameters<typeof FlowCanvas>[0]> & { flow: FlowDocument };

function renderEditor(props: Props) {
  const handlers = {
    onChange: vi.fn<(flow: FlowDocument) => void>(),
    onSelect: vi.fn<(id: string | null) => void>(),
  };
  const ui = (p: Props) => (
    <ReactFlowProvider>
      <div style={{ width: 1000, height: 700, display: 'flex' }}>
        <NodePalette
          flow={p.flow}
          onChange={handlers.onChange}
          onSelect={handlers.onSelect}
          readOnly={p.readOnly}
        />
        <FlowCanvas
          selectedNodeId={null}
          onChange={handlers.onChange}
          onSelect={handlers.onSelect}
          layoutEngine={layoutFlowGraph}
          {...p}
        />
      </div>
    </ReactFlowProvider>
  );
  const result = render(ui(props));
  return { ...handlers, rerender: (next: Props) => result.rerender(ui(next)) };
}

describe('FlowCanvas', () => {
  it('renders a card per node with its kind, essence and labelled output ports', () => {
    renderEditor({ flow: testFlow() });
    for (const id of ['start', 'ask-1', 'choice-1', 'end'])
      expect(screen.getByTestId(`node-${id}`)).toBeTruthy();

    const choice = screen.getByTestId('node-choice-1');
    expect(within(choice).getByText('Choice')).toBeTruthy();
    expect(within(choice).getByText('Pizza or pasta?')).toBeTruthy();
    for (const label of ['Pizza', 'Pasta', 'No match']) expect(within(choice).getByText(label)).toBeTruthy();
    const ports = [...choice.querySelectorAll('[data-port]')].map((h) => h.getAttribute('data-port'));
    expect(ports).toEqual(['pizza', 'pasta', 'no-match']);

    const ask = screen.getByTestId('node-ask-1');
    expect(within(ask).getByText('Answered')).toBeTruthy();
    expect(within(ask).getByText('Too many invalid answers')).toBeTruthy();
    expect(ask.querySelectorAll('.react-flow__handle.target')).toHaveLength(1);
    expect(screen.getByTestId('node-start').querySelectorAll('.react-flow__handle.target')).toHaveLength(0);
    expect(screen.getByTestId('node-end').querySelectorAll('[data-port]')).toHaveLength(0);
  });

  it('marks problem and highlighted nodes', () => {
    renderEditor({ flow: testFlow(), problemNodeIds: new Set(['ask-1']), highlightedNodeId: 'end' });
    expect(screen.getByTestId('node-ask-1').getAttribute('data-problem')).toBe('true');
    expect(screen.getByTestId('node-end').getAttribute('data-active')).toBe('true');
    expect(screen.getByTestId('node-choice-1').hasAttribute('data-problem')).toBe(false);
    expect(screen.getByTestId('node-choice-1').hasAttribute('data-active')).toBe(false);
  });

  it('marks diffed nodes with an outline class, data-diff and a titled badge', () => {
    const nodeMarks = new Map([
      ['ask-1', 'added'],
      ['choice-1', 'changed'],
      ['end', 'removed'],
    ] as const);
    const { rerender } = renderEditor({ flow: testFlow(), nodeMarks, readOnly: true });
    for (const [id, mark] of nodeMarks) {
      const card = screen.getByTestId(`node-${id}`);
      expect(card.getAttribute('data-diff')).toBe(mark);
      expect(card.classList.contains(`pc-card--diff-${mark}`)).toBe(true);
    }
    expect(screen.getByTestId('node-start').hasAttribute('data-diff')).toBe(false);
    // xyflow hides cards until it has measured them, so the badges are read by selector, not by role.
    const badge = (id: string) => screen.getByTestId(`node-${id}`).querySelector('.pc-card__mark--diff');
    expect(
      [badge('ask-1'), badge('choice-1'), badge('end')].map((b) => [
        b?.textContent,
        b?.getAttribute('title'),
      ]),
    ).toEqual([
      ['+', 'Added node'],
      ['~', 'Changed node'],
      ['−', 'Removed node'],
    ]);
    expect(badge('ask-1')?.getAttribute('aria-label')).toBe('Added node');
    expect(badge('start')).toBeNull();

    // A fresh map with other contents reaches the cards; no marks clears them.
    rerender({ flow: testFlow(), nodeMarks: new Map([['start', 'changed']]), readOnly: true });
    expect(screen.getByTestId('node-start').getAttribute('data-diff')).toBe('changed');
    expect(screen.getByTestId('node-ask-1').hasAttribute('data-diff')).toBe(false);
    rerender({ flow: testFlow(), readOnly: true });
    expect(document.querySelectorAll('[data-diff]')).toHaveLength(0);
  });

  it('follows the selectedNodeId prop', () => {
    const flow = testFlow();
    const { rerender } = renderEditor({ flow, selectedNodeId: 'ask-1' });
    expect(screen.getByTestId('node-ask-1').getAttribute('data-selected')).toBe('true');
    rerender({ flow, selectedNodeId: 'end' });
    expect(screen.getByTestId('node-ask-1').hasAttribute('data-selected')).toBe(false);
    expect(screen.getByTestId('node-end').getAttribute('data-selected')).toBe('true');
  });

  it('undoes the last document change with Ctrl+Z', () => {
    const before = testFlow();
    const after = { ...before, nodes: before.nodes.slice(0, 3), edges: before.edges.slice(0, 2) };
    const { onChange, rerender } = renderEditor({ flow: before });
    rerender({ flow: after });
    expect(screen.queryByTestId('node-end')).toBeNull();
    act(() => {
      fireEvent.keyDown(document.body, { key: 'z', ctrlKey: true });
    });
    expect(onChange).toHaveBeenLastCalledWith(before);
  });
});

describe('FlowCanvas editing', () => {
  it('adds the kind dropped from the palette', () => {
    const { onChange } = renderEditor({ flow: testFlow() });
    const dataTransfer = {
      types: ['application/parley-node'],
      getData: (type: string) => (type === 'application/parley-node' ? 'http-request' : ''),
      dropEffect: 'none',
    };
    const pane = document.querySelector('.react-flow');
    if (!pane) throw new Error('no canvas');
    fireEvent.dragOver(pane, { dataTransfer, clientX: 400, clientY: 300 });
    fireEvent.drop(pane, { dataTransfer, clientX: 400, clientY: 300 });
    expect(onChange.mock.lastCall?.[0].nodes.at(-1)).toMatchObject({
      id: 'http-request-1',
      type: 'http-request',
    });
  });

  it('copies the selected node and pastes it with a new id', () => {
    const { onChange } = renderEditor({ flow: testFlow(), selectedNodeId: 'ask-1' });
    act(() => {
      fireEvent.keyDown(document.body, { key: 'c', ctrlKey: true });
      fireEvent.keyDown(document.body, { key: 'v', ctrlKey: true });
    });
    const pasted = onChange.mock.lastCall?.[0].nodes.at(-1);
    expect(pasted).toMatchObject({ id: 'ask-2', type: 'ask', position: { x: 340, y: 40 } });
    expect(screen.getByRole('status').textContent).toContain('Pasted 1 node');
  });

  it('tidies up the layout as one undoable edit, from the button and with Shift+L', async () => {
    const piled = testFlow();
    piled.nodes = piled.nodes.map((n) => ({ ...n, position: { x: 0, y: 0 } }));
    const { onChange, rerender } = renderEditor({ flow: piled });
    fireEvent.click(screen.getByRole('button', { name: 'Tidy up the layout (Shift+L)' }));
    await vi.waitFor(() => expect(onChange).toHaveBeenCalledTimes(1));
    const tidy = onChange.mock.lastCall![0];
    const xs = tidy.nodes.map((n) => n.position.x);
    expect(new Set(xs).size).toBe(4);
    expect(tidy.edges).toBe(piled.edges);

    rerender({ flow: tidy });
    act(() => {
      fireEvent.keyDown(document.body, { key: 'z', ctrlKey: true });
    });
    expect(onChange).toHaveBeenLastCalledWith(piled);

    // Shift+L on the piled flow gives the same layout again.
    rerender({ flow: piled });
    act(() => {
      fireEvent.keyDown(document.body, { key: 'L', shiftKey: true });
    });
    await vi.waitFor(() => expect(onChange.mock.lastCall![0]).not.toBe(piled));
    expect(onChange.mock.lastCall![0].nodes.map((n) => n.position)).toEqual(
      tidy.nodes.map((n) => n.position),
    );
  });

  it('does not edit a read-only flow', () => {
    const { onChange } = renderEditor({ flow: testFlow(), readOnly: true, selectedNodeId: 'ask-1' });
    act(() => {
      fireEvent.keyDown(document.body, { key: 'c', ctrlKey: true });
      fireEvent.keyDown(document.body, { key: 'v', ctrlKey: true });
    });
    expect(screen.queryByRole('button', { name: 'Tidy up the layout (Shift+L)' })).toBeNull();
    act(() => {
      fireEvent.keyDown(document.body, { key: 'L', shiftKey: true });
    });
    expect(onChange).not.toHaveBeenCalled();
  });
});

describe('NodePalette', () => {
  it('groups kinds by category and disables Start when the flow has one', () => {
    renderEditor({ flow: testFlow() });
    const palette = screen.getByRole('navigation', { name: 'Nodes' });
    for (const group of ['Flow', 'Messaging', 'Input', 'Logic', 'Integration']) {
      expect(within(palette).getByRole('heading', { name: group })).toBeTruthy();
    }
    const start = within(palette).getByRole('button', { name: 'Start' }) as HTMLButtonElement;
    expect(start.disabled).toBe(true);
    const message = within(palette).getByRole('button', { name: 'Message' }) as HTMLButtonElement;
    expect(message.disabled).toBe(false);
    expect(message.title).toContain('Sends one or more texts');
    expect(message.getAttribute('draggable')).toBe('true');
  });

  it('adds a node with a fresh id when an item is clicked', () => {
    const { onChange, onSelect } = renderEditor({ flow: testFlow() });
    fireEvent.click(screen.getByRole('button', { name: 'Message' }));
    const next = onChange.mock.lastCall?.[0];
    expect(next?.nodes.at(-1)).toMatchObject({
      id: 'message-1',
      type: 'message',
      data: { messages: [{ text: 'Hello!' }] },
    });
    expect(onSelect).toHaveBeenCalledWith('message-1');
  });
});

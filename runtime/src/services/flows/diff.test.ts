import { type FlowDocument, flowDocumentSchema } from '@parley/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../store/database.ts';
import { type TestDatabase, testDatabases } from '../../store/testing/test-databases.ts';
import { changesBehaviour, differingPaths, diffFlows } from './diff.ts';
import {
  ada,
  expectRefused,
  flowService,
  helpdeskFlow,
  insertPeople,
  publishedFlow,
} from './flow-fixtures.ts';

// Cloned: zod hands out its default objects (e.g. `settings`) by reference, and the tests edit them.
const base = (): FlowDocument => structuredClone(flowDocumentSchema.parse(helpdeskFlow()));

function edit(change: (flow: FlowDocument) => void): FlowDocument {
  const flow = base();
  change(flow);
  return flow;
}

function node(flow: FlowDocument, id: string) {
  const found = flow.nodes.find((n) => n.id === id);
  if (!found) throw new Error(`no node ${id}`);
  return found;
}

describe('diffFlows', () => {
  it('finds nothing between equal flows', () => {
    expect(diffFlows(base(), base())).toEqual({
      nodes: { added: [], removed: [], changed: [] },
      edges: { added: [], removed: [], changed: [] },
      variables: { added: [], removed: [], changed: [] },
      settings: [],
      document: [],
    });
  });

  it('lists the config paths of a changed node, with type and position apart', () => {
    const after = edit((flow) => {
      node(flow, 'greet').data = { messages: [{ type: 'text', text: { en: 'Hi!', zh: '你好' } }] };
      node(flow, 'help').position = { x: 40, y: 200 };
      node(flow, 'done').type = 'message';
    });
    const { changed } = diffFlows(base(), after).nodes;
    expect(changed).toEqual([
      { id: 'greet', paths: ['data.messages.0.text.en', 'data.messages.0.text.zh'] },
      { id: 'help', paths: [], position: { from: { x: 0, y: 200 }, to: { x: 40, y: 200 } } },
      { id: 'done', paths: [], type: { from: 'end', to: 'message' } },
    ]);
    expect(changed.map(changesBehaviour)).toEqual([true, false, true]);
  });

  it('lists added and removed nodes and edges, and rewired edges with the field that moved', () => {
    const after = edit((flow) => {
      flow.nodes = flow.nodes.filter((n) => n.id !== 'help');
      flow.nodes.push({ id: 'faq', type: 'message', position: { x: 0, y: 0 }, data: { messages: [] } });
      flow.edges = [
        { id: 'start-next', source: 'start', sourcePort: 'next', target: 'greet' },
        { id: 'greet-next', source: 'greet', sourcePort: 'next', target: 'faq' },
        { id: 'faq-next', source: 'faq', sourcePort: 'next', target: 'done' },
      ];
    });
    const diff = diffFlows(base(), after);
    expect(diff.nodes.added.map((n) => n.id)).toEqual(['faq']);
    expect(diff.nodes.removed.map((n) => n.id)).toEqual(['help']);
    expect(diff.edges.added.map((e) => e.id)).toEqual(['faq-next']);
    expect(diff.edges.removed.map((e) => e.id)).toEqual(['help-next']);
    expect(diff.edges.changed).toEqual([{ id: 'greet-next', paths: ['target'] }]);
  });

  it('reports variables by name and settings and document fields by path', () => {
    const after = edit((flow) => {
      flow.variables = [
        { name: 'topic', type: 'string', initial: 'returns', sensitive: false },
        { name: 'email', type: 'string', sensitive: true },
      ];
      flow.settings.limits.maxStepsPerTurn = 50;
      flow.languages = ['en', 'de'];
      flow.name = 'Helpdesk 2';
    });
    const diff = diffFlows(base(), after);
    expect(diff.variables).toEqual({
      added: ['email'],
      removed: [],
      changed: [{ name: 'topic', paths: ['initial'] }],
    });
    expect(diff.settings).toEqual(['settings.limits.maxStepsPerTurn']);
    expect(diff.document).toEqual(['name', 'languages.1']);
  });

  it('compares JSON values leaf by leaf', () => {
    expect(differingPaths({ a: [1, { b: 2 }] }, { a: [1, { b: 3 }, 4] })).toEqual(['a.1.b', 'a.2']);
    expect(differingPaths({ a: 1 }, { a: { b: 1 } })).toEqual(['a']);
    expect(differingPaths('x', 'x')).toEqual([]);
  });
});

describe.each(testDatabases)('diff by version on $dialect', ({ open }) => {
  let handle: TestDatabase;
  let database: Database;
  beforeAll(async () => {
    handle = await open();
    database = handle.database;
    await insertPeople(database);
  });
  afterAll(() => handle.drop());

  it('diffs two published versions, or a version and the draft', async () => {
    const { service } = flowService(database);
    const { flowId, revision } = await publishedFlow(service, 2);
    const between = await service.diff(flowId, 1, 2);
    expect(between.nodes.changed).toEqual([{ id: 'greet', paths: ['data.messages.0.text.en'] }]);
    expect((await service.diff(flowId, 2, 'draft')).nodes.changed).toEqual([]);

    const draft = (await service.get(flowId)).draft;
    draft.settings.limits.turnTimeoutMs = 5_000;
    await service.saveDraft(ada, { flowId, draft, baseRevision: revision });
    expect((await service.diff(flowId, 2, 'draft')).settings).toEqual(['settings.limits.turnTimeoutMs']);
    await expectRefused(database, () => service.diff(flowId, 1, 3), 'NOT_FOUND', /no version 3/);
  });
});

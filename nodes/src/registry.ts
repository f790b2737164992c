import { askNode } from './ask/definition.ts';
import { choiceNode } from './choice/definition.ts';
import { conditionNode } from './condition/definition.ts';
import type { NodeDefinition } from './core/define-node.ts';
import { endNode } from './end/definition.ts';
import { httpRequestNode } from './http-request/definition.ts';
import { messageNode } from './message/definition.ts';
import { setVariableNode } from './set-variable/definition.ts';
import { startNode } from './start/definition.ts';

/** Every node kind's definition; browser-safe. */
export const nodeDefinitions = {
  start: startNode,
  message: messageNode,
  choice: choiceNode,
  ask: askNode,
  condition: conditionNode,
  'set-variable': setVariableNode,
  'http-request': httpRequestNode,
  end: endNode,
} as const;

export type NodeKind = keyof typeof nodeDefinitions;

export const nodeKinds = Object.keys(nodeDefinitions) as NodeKind[];

export function isNodeKind(kind: string): kind is NodeKind {
  return Object.hasOwn(nodeDefinitions, kind);
}

/** The definition of `kind`, widened for code that treats every kind alike. */
export function definitionOf(kind: NodeKind): NodeDefinition {
  return nodeDefinitions[kind] as unknown as NodeDefinition;
}

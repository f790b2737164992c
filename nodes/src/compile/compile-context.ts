import type { FlowDocument } from '@parley/shared';

/** What a node's compile function may ask about the flow around it. */
export type CompileContext = {
  nodeId: string;
  flow: FlowDocument;
  /** Target (`#nodeId`) of the edge leaving `port`, or undefined when the port is unconnected. */
  port(port: string): string | undefined;
  /** Like `port`, for ports that must be connected; throws CompileError otherwise. */
  requiredPort(port: string): string;
};

export class CompileError extends Error {
  constructor(
    message: string,
    readonly nodeId?: string,
  ) {
    super(message);
    this.name = 'CompileError';
  }
}

/** The state that ends a conversation when a flow runs off an optional, unconnected port. */
export const END_STATE_ID = '__end';
export const HANGUP_STATE_ID = '__hangup';
export const BOOT_STATE = '__boot';

export const stateTarget = (id: string) => `#${id}`;

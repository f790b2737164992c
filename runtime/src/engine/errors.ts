export type EngineErrorCode =
  | 'TURN_STEP_LIMIT'
  | 'TURN_TIMEOUT'
  | 'FLOW_STUCK'
  | 'FLOW_FAILED'
  | 'CONVERSATION_ENDED'
  | 'BAD_EVENT'
  | 'BAD_VERSION';

/** A turn that could not complete; `code` is stable for callers, `message` names the node and the fix. */
export class EngineError extends Error {
  constructor(
    readonly code: EngineErrorCode,
    message: string,
    readonly nodeId?: string,
  ) {
    super(message);
    this.name = 'EngineError';
  }
}

/** Error codes the API maps one-to-one onto tRPC codes; the message is for the person who sent the request. */
export type ParleyErrorCode =
  | 'BAD_REQUEST'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'PRECONDITION_FAILED'
  | 'TOO_MANY_REQUESTS';

export class ParleyError extends Error {
  constructor(
    readonly code: ParleyErrorCode,
    message: string,
    /** Machine-readable facts for clients, e.g. who saved last on a CONFLICT. */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ParleyError';
  }
}

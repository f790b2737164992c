export * from './conversation-inputs.ts';
export type { ConversationView, TranscriptRow } from './conversation-queries.ts';
export {
  type ConversationService,
  type ConversationServiceOptions,
  createConversationService,
  type JobOutcome,
} from './conversation-service.ts';
export type {
  CommittedTurn,
  ConversationAddress,
  ConversationReply,
  TurnCommittedHook,
} from './conversation-types.ts';
export { JobRunner, type JobRunnerOptions } from './job-runner.ts';

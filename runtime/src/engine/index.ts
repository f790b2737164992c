export type { Conversation, ConversationStatus, TurnResult } from './conversation.ts';
export { EngineError, type EngineErrorCode } from './errors.ts';
export { type LoadedVersion, loadVersion, type VersionSource } from './load-version.ts';
export type { WarmTurn } from './run-turn.ts';
export { type StartOptions, startConversation } from './start-conversation.ts';
export { turn, turnParsed } from './turn.ts';
export { WarmActors } from './warm-actors.ts';

export { DraftVersions } from './draft-versions.ts';
export { MASKED, maskedVars } from './simulator-answer.ts';
export * from './simulator-inputs.ts';
export {
  createSimulatorService,
  type SimulatorService,
  type SimulatorServiceOptions,
} from './simulator-service.ts';

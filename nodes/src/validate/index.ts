export {
  DIAGNOSTIC_CATALOGUE,
  DIAGNOSTIC_CODES,
  type DiagnosticCode,
  type FlowDiagnostic,
  hasErrors,
} from './diagnostic-codes.ts';
export { validateFlow } from './validate-flow.ts';

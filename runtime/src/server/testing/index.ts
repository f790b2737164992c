/** Servers for tests and benches of other packages: the echo app and the designer's end-to-end server. */

export { layoutFlowGraph } from '../../services/layout/layout-flow-graph.ts';
export {
  type DesignerTestServer,
  startDesignerTestServer,
  TEST_USERS,
  type TestUser,
} from './designer-test-server.ts';
export { type EchoApp, echoRouter, startEchoApp } from './echo-app.ts';

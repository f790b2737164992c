import { nodeDefinitions } from '@parley/nodes';

/** Until the canvas lands: the node catalogue the designer will offer. */
export function App() {
  return (
    <main>
      <h1>Parley designer</h1>
      <ul>
        {Object.values(nodeDefinitions).map((definition) => (
          <li key={definition.kind}>
            <strong>{definition.meta.label}</strong>: {definition.meta.description}
          </li>
        ))}
      </ul>
    </main>
  );
}

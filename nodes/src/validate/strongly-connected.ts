/**
 * Tarjan's strongly connected components over vertices `0..n-1`, iterative so a long chain of nodes
 * cannot overflow the call stack. Components come out in reverse topological order.
 */
export function stronglyConnectedComponents(successors: readonly (readonly number[])[]): number[][] {
  const count = successors.length;
  const index = new Array<number>(count).fill(-1);
  const lowlink = new Array<number>(count).fill(0);
  const onStack = new Array<boolean>(count).fill(false);
  const stack: number[] = [];
  const components: number[][] = [];
  let nextIndex = 0;

  for (let root = 0; root < count; root++) {
    if (index[root] !== -1) continue;
    // Each frame is a vertex and how many of its successors have been visited so far.
    const frames: [vertex: number, next: number][] = [[root, 0]];
    index[root] = lowlink[root] = nextIndex++;
    stack.push(root);
    onStack[root] = true;
    while (frames.length > 0) {
      const frame = frames[frames.length - 1] as [number, number];
      const [vertex, next] = frame;
      const out = successors[vertex] ?? [];
      if (next < out.length) {
        frame[1] = next + 1;
        const successor = out[next] as number;
        if (index[successor] === -1) {
          index[successor] = lowlink[successor] = nextIndex++;
          stack.push(successor);
          onStack[successor] = true;
          frames.push([successor, 0]);
        } else if (onStack[successor]) {
          lowlink[vertex] = Math.min(lowlink[vertex] as number, index[successor] as number);
        }
        continue;
      }
      frames.pop();
      const parent = frames[frames.length - 1];
      if (parent) lowlink[parent[0]] = Math.min(lowlink[parent[0]] as number, lowlink[vertex] as number);
      if (lowlink[vertex] === index[vertex]) {
        const component: number[] = [];
        let member: number;
        do {
          member = stack.pop() as number;
          onStack[member] = false;
          component.push(member);
        } while (member !== vertex);
        components.push(component);
      }
    }
  }
  return components;
}

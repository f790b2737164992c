/**
 * FIFO locks by key: work on one key runs one at a time in arrival order, different keys run in
 * parallel. A key's entry is dropped once its queue drains, so idle conversations cost nothing.
 */
export class KeyedMutex {
  private readonly tails = new Map<string, { tail: Promise<unknown>; waiting: number }>();

  run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const entry = this.tails.get(key) ?? { tail: Promise.resolve(), waiting: 0 };
    const result = entry.tail.then(work, work);
    entry.tail = result.catch(() => undefined);
    entry.waiting += 1;
    this.tails.set(key, entry);
    const release = () => {
      entry.waiting -= 1;
      if (entry.waiting === 0 && this.tails.get(key) === entry) this.tails.delete(key);
    };
    result.then(release, release);
    return result;
  }

  /** Keys with work queued or running. */
  get size(): number {
    return this.tails.size;
  }
}

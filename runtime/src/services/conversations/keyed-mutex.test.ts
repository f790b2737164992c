import { describe, expect, it } from 'vitest';
import { KeyedMutex } from './keyed-mutex.ts';

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe('KeyedMutex', () => {
  it('runs work on one key one at a time, in arrival order, even when some of it fails', async () => {
    const mutex = new KeyedMutex();
    const log: string[] = [];
    let running = 0;
    const jobs = Array.from({ length: 10 }, (_, i) =>
      mutex
        .run('a', async () => {
          running += 1;
          expect(running).toBe(1);
          log.push(`start ${i}`);
          await tick();
          log.push(`end ${i}`);
          running -= 1;
          if (i === 3) throw new Error('boom');
          return i;
        })
        .catch((error: Error) => error.message),
    );
    expect(await Promise.all(jobs)).toEqual([0, 1, 2, 'boom', 4, 5, 6, 7, 8, 9]);
    expect(log).toEqual(Array.from({ length: 10 }, (_, i) => [`start ${i}`, `end ${i}`]).flat());
    expect(mutex.size).toBe(0);
  });

  it('lets different keys run at the same time', async () => {
    const mutex = new KeyedMutex();
    let releaseA: () => void = () => {};
    const a = mutex.run('a', () => new Promise<string>((resolve) => (releaseA = () => resolve('a'))));
    // `b` finishes while `a` is still held: no shared queue.
    expect(await mutex.run('b', async () => 'b')).toBe('b');
    releaseA();
    expect(await a).toBe('a');
  });
});

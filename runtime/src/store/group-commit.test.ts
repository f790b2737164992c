import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createGroupCommitter, MAX_GROUP, MAX_GROUP_MS } from './group-commit.ts';

describe('group commit on SQLite', () => {
  let dir: string;
  let writer: BetterSqlite3.Database;
  let reader: BetterSqlite3.Database;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'parley-group-commit-'));
    const file = join(dir, 'db.sqlite');
    writer = new BetterSqlite3(file);
    writer.pragma('journal_mode = WAL');
    writer.exec('create table turns (id integer primary key, text text not null)');
    insertStatement = writer.prepare('insert into turns (id, text) values (?, ?)');
    reader = new BetterSqlite3(file, { readonly: true });
  });
  afterEach(() => {
    reader.close();
    writer.close();
    rmSync(dir, { recursive: true, force: true });
  });

  // Prepared once: the grouping tests must not come near MAX_GROUP_MS, even on a slow machine.
  let insertStatement: BetterSqlite3.Statement;
  const insert = (id: number) => insertStatement.run(id, `turn ${id}`);
  const visible = (id: number) => reader.prepare('select id from turns where id = ?').get(id) !== undefined;
  const spyOnExec = () => vi.spyOn(writer, 'exec');
  const commits = (exec: ReturnType<typeof spyOnExec>) =>
    exec.mock.calls.filter(([sql]) => sql === 'COMMIT').length;

  it('commits transactions that finish together once, and tells each caller only after that commit', async () => {
    const exec = spyOnExec();
    const committer = createGroupCommitter(writer);
    const seenOnResolve: boolean[] = [];
    await Promise.all(
      Array.from({ length: 50 }, (_, id) =>
        committer
          .transaction(async () => {
            insert(id);
            return id;
          })
          .then((result) => {
            expect(result).toBe(id);
            // Another connection sees the row the moment its caller hears of success.
            seenOnResolve.push(visible(id));
          }),
      ),
    );
    expect(seenOnResolve).toEqual(Array.from({ length: 50 }, () => true));
    expect(commits(exec)).toBe(1);
  });

  it('rolls back a failing transaction alone; the rest of its group commits', async () => {
    const committer = createGroupCommitter(writer);
    const outcomes = await Promise.allSettled([
      committer.transaction(async () => insert(1)),
      committer.transaction(async () => {
        insert(2);
        throw new Error('the flow failed mid-turn');
      }),
      committer.transaction(async () => insert(3)),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect([1, 2, 3].map(visible)).toEqual([true, false, true]);
  });

  it('fails every caller of a group whose transaction SQLite rolled back as a whole', async () => {
    const committer = createGroupCommitter(writer);
    const outcomes = await Promise.allSettled([
      committer.transaction(async () => insert(1)),
      committer.transaction(async () => {
        insert(2);
        // What SQLite does by itself on a full disk or an I/O error.
        writer.exec('ROLLBACK');
        throw new Error('disk full');
      }),
      committer.transaction(async () => insert(3)),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected', 'fulfilled']);
    expect([1, 2, 3].map(visible)).toEqual([false, false, true]);
  });

  it('commits a large burst in groups of bounded size', async () => {
    const exec = spyOnExec();
    const committer = createGroupCommitter(writer);
    await Promise.all(Array.from({ length: 300 }, (_, id) => committer.transaction(async () => insert(id))));
    expect(reader.prepare('select count(*) as n from turns').get()).toEqual({ n: 300 });
    expect(commits(exec)).toBeGreaterThanOrEqual(Math.ceil(300 / MAX_GROUP));
  });

  it('commits a group that has been open too long without waiting for the event loop', async () => {
    const exec = spyOnExec();
    const committer = createGroupCommitter(writer);
    const slowTurn = async () => {
      insert(2);
      // A turn that keeps the loop busy past the group's time: the group commits as it ends.
      const until = performance.now() + MAX_GROUP_MS + 2;
      while (performance.now() < until);
    };
    await Promise.all([
      committer.transaction(async () => insert(1)),
      committer.transaction(slowTurn),
      committer.transaction(async () => insert(3)),
    ]);
    expect([1, 2, 3].map(visible)).toEqual([true, true, true]);
    expect(commits(exec)).toBe(2);
  });

  it('flush commits what is pending before the database closes', async () => {
    const committer = createGroupCommitter(writer);
    const pending = committer.transaction(async () => insert(7));
    await committer.flush();
    await pending;
    expect(visible(7)).toBe(true);
  });
});

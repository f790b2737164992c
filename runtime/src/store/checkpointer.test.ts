import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { type Checkpointer, startCheckpointer } from './checkpointer.ts';

const walSize = (file: string) => statSync(`${file}-wal`, { throwIfNoEntry: false })?.size ?? 0;

async function until(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting for the checkpointer');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('the WAL checkpointer', () => {
  let dir: string | undefined;
  let writer: BetterSqlite3.Database | undefined;
  let checkpointer: Checkpointer | undefined;

  afterEach(async () => {
    await checkpointer?.stop();
    writer?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  function open() {
    dir = mkdtempSync(join(tmpdir(), 'parley-checkpoint-'));
    const file = join(dir, 'db.sqlite');
    writer = new BetterSqlite3(file);
    writer.pragma('journal_mode = WAL');
    writer.exec('create table t (id integer primary key, body text)');
    return { file, writer };
  }

  const write = (db: BetterSqlite3.Database, commits: number) => {
    const insert = db.prepare('insert into t (body) values (?)');
    for (let i = 0; i < commits; i++) insert.run('x'.repeat(500));
  };

  it('keeps commits from checkpointing and empties the WAL once writes stop', async () => {
    const { file, writer } = open();
    checkpointer = startCheckpointer(file, writer, { intervalMs: 20 });
    expect(writer.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    write(writer, 2_000);
    expect(walSize(file)).toBeGreaterThan(0);
    await until(() => walSize(file) === 0);
    const reader = new BetterSqlite3(file, { readonly: true });
    expect(reader.prepare('select count(*) as n from t').get()).toEqual({ n: 2_000 });
    reader.close();
  });

  it('stops with the database, without keeping committed data from a later reader', async () => {
    const { file, writer } = open();
    checkpointer = startCheckpointer(file, writer, { intervalMs: 10_000 });
    write(writer, 100);
    await checkpointer.stop();
    writer.close();
    const reader = new BetterSqlite3(file, { readonly: true });
    expect(reader.prepare('select count(*) as n from t').get()).toEqual({ n: 100 });
    reader.close();
  });
});

describe('closing the database', () => {
  it('resolves in a process that has nothing else to do, so a script can close and go on', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-close-'));
    try {
      const database = new URL('./database.ts', import.meta.url).href;
      const script = `
        const { openDatabase } = await import(${JSON.stringify(database)});
        const db = await openDatabase({ file: ${JSON.stringify(join(dir, 'parley.db'))} });
        await db.close();
        console.log('closed');`;
      const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
        encoding: 'utf8',
        timeout: 20_000,
      });
      expect(child.stderr).toBe('');
      expect(child.stdout.trim()).toBe('closed');
      expect(child.status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

import BetterSqlite3 from 'better-sqlite3';

/**
 * The floor under a durable turn: commits per second of one better-sqlite3 transaction holding an upsert
 * (the conversation row) and an insert (a transcript row), on `file`, with the pragmas the store's writer
 * connection uses (`connectSqlite` in store/database.ts: WAL, synchronous NORMAL, foreign keys, busy
 * timeout). Runs for at least `minMs` after a warm-up.
 */
export function bareSqliteCommitsPerSecond(file: string, minMs: number): number {
  const client = new BetterSqlite3(file);
  try {
    client.pragma('journal_mode = WAL');
    client.pragma('synchronous = NORMAL');
    client.pragma('foreign_keys = ON');
    client.pragma('busy_timeout = 5000');
    client.exec(`
      create table if not exists conversation (id text primary key, snapshot text not null, turns integer not null);
      create table if not exists message (id text primary key, conversation_id text not null, turn integer not null, body text not null);
    `);
    const upsert = client.prepare(
      `insert into conversation (id, snapshot, turns) values (?, ?, 1)
       on conflict (id) do update set snapshot = excluded.snapshot, turns = turns + 1`,
    );
    const insert = client.prepare(
      'insert into message (id, conversation_id, turn, body) values (?, ?, ?, ?)',
    );
    const snapshot = JSON.stringify({ value: 'listen', context: { vars: { count: 1, last: 'hello' } } });
    const body = JSON.stringify({ type: 'text', text: '#1 where is my order?' });
    let n = 0;
    const commit = client.transaction(() => {
      upsert.run(`conv_${n % 100}`, snapshot);
      insert.run(`msg_${n}`, `conv_${n % 100}`, n, body);
      n += 1;
    });
    for (let i = 0; i < 200; i++) commit();
    const start = performance.now();
    let count = 0;
    let elapsed = 0;
    while (elapsed < minMs) {
      for (let i = 0; i < 100; i++) commit();
      count += 100;
      elapsed = performance.now() - start;
    }
    return (count / elapsed) * 1000;
  } finally {
    client.close();
  }
}

/**
 * Benchmark of the deployment server: the real server process on a temporary store, driven over
 * loopback HTTP by keep-alive agents with 16 requests in flight.
 *
 *   npm run bench:server [-- --reads 5000 --writes 1000 --concurrency 16]
 *
 * Prints reads/s (GET of one object), durable writes/s (POST creates, each committed with
 * synchronous=FULL before it is answered), and two baselines measured in the same run, with the
 * ratios: GET /health (touches neither auth nor the store) for reads, and bare SQLite commits
 * (one row each, WAL + synchronous=FULL, on the same file system) for writes: the disk's fsync
 * rate bounds the durable write rate, and varies with the machine's neighbours. Goals on 2 cores: ≥ 2,000 reads/s
 * and ≥ 500 durable writes/s. A benchmark, not a test: it reports, it does not fail on a miss.
 */
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import Database from 'better-sqlite3';
import { startServer, type RunningServer } from '../lib/server/launch';

interface Options {
  reads: number;
  writes: number;
  concurrency: number;
}

function options(argv: string[]): Options {
  const out: Options = { reads: 5000, writes: 1000, concurrency: 16 };
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i].replace(/^--/, '') as keyof Options;
    const value = Number(argv[i + 1]);
    if (!(key in out) || !Number.isInteger(value) || value <= 0) throw new Error(`bench: ${argv[i]} ${argv[i + 1]}: expected --reads N, --writes N or --concurrency N`);
    out[key] = value;
  }
  return out;
}

interface Measured {
  readonly count: number;
  readonly seconds: number;
  readonly perSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
}

class Client {
  private readonly agent: http.Agent;
  private readonly base: URL;

  constructor(
    url: string,
    private readonly token: string,
    concurrency: number,
  ) {
    this.base = new URL(url);
    this.agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  }

  request(method: string, path: string, expected: number, body?: unknown, auth = true): Promise<string> {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    return new Promise((resolve, reject) => {
      const req = http.request(
        {
          agent: this.agent,
          host: this.base.hostname,
          port: this.base.port,
          method,
          path,
          headers: {
            ...(auth ? { authorization: `Bearer ${this.token}` } : {}),
            ...(payload === undefined ? {} : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }),
          },
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (text += chunk));
          res.on('end', () => (res.statusCode === expected ? resolve(text) : reject(new Error(`${method} ${path}: ${res.statusCode} ${text}`))));
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

/** Runs `count` operations with `concurrency` in flight; returns the rate and latency percentiles. */
async function measure(count: number, concurrency: number, operation: (i: number) => Promise<unknown>): Promise<Measured> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const i = next++;
        const t = performance.now();
        await operation(i);
        latencies.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
  return { count, seconds, perSecond: count / seconds, p50Ms: at(0.5), p99Ms: at(0.99) };
}

/** Bare SQLite commits in a fresh file under the temp dir (where the server's store is): the disk's limit. */
function measureBareCommits(count: number): Measured {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'osd-bench-sqlite-'));
  const db = new Database(path.join(dir, 'bare.sqlite'));
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
    const insert = db.prepare('INSERT INTO t (body) VALUES (?)');
    const commit = db.transaction((body: string) => insert.run(body));
    const latencies: number[] = [];
    const started = performance.now();
    for (let i = 0; i < count; i++) {
      const t = performance.now();
      commit(`{"name":"Bench ${i}","version":"1"}`);
      latencies.push(performance.now() - t);
    }
    const seconds = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    return { count, seconds, perSecond: count / seconds, p50Ms: latencies[Math.floor(count / 2)], p99Ms: latencies[Math.floor(count * 0.99)] };
  } finally {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function row(label: string, m: Measured, goal?: number): string {
  const verdict = goal === undefined ? '' : m.perSecond >= goal ? `  goal ≥ ${goal}/s: met` : `  goal ≥ ${goal}/s: MISSED`;
  return `${label.padEnd(34)} ${m.perSecond.toFixed(0).padStart(7)}/s  (${m.count} in ${m.seconds.toFixed(2)} s, p50 ${m.p50Ms.toFixed(2)} ms, p99 ${m.p99Ms.toFixed(2)} ms)${verdict}`;
}

async function main(): Promise<void> {
  const opts = options(process.argv.slice(2));
  const server: RunningServer = await startServer();
  const client = new Client(server.url, server.adminToken, opts.concurrency);
  try {
    const created = JSON.parse(
      await client.request('POST', '/api/v1/packages', 201, { name: 'Bench package', version: '1', sourcePath: '\\\\srv\\bench', description: 'read target' }),
    ) as { id: string };
    // Warm up both code paths (JIT, connections) before measuring.
    await measure(3000, opts.concurrency, () => client.request('GET', '/api/v1/health', 200, undefined, false));
    await measure(3000, opts.concurrency, () => client.request('GET', `/api/v1/packages/${created.id}`, 200));

    const baseline = await measure(opts.reads, opts.concurrency, () => client.request('GET', '/api/v1/health', 200, undefined, false));
    const reads = await measure(opts.reads, opts.concurrency, () => client.request('GET', `/api/v1/packages/${created.id}`, 200));
    const writes = await measure(opts.writes, opts.concurrency, (i) =>
      client.request('POST', '/api/v1/packages', 201, { name: `Bench ${i}`, version: '1', sourcePath: `\\\\srv\\bench\\${i}` }),
    );
    const bareCommits = measureBareCommits(opts.writes);

    console.log(`osd-server benchmark: ${opts.concurrency} requests in flight, keep-alive, loopback, real server process, synchronous=FULL`);
    console.log(row('baseline GET /api/v1/health', baseline));
    console.log(row('reads GET /api/v1/packages/{id}', reads, 2000));
    console.log(row('durable writes POST /api/v1/packages', writes, 500));
    console.log(row('baseline bare SQLite FULL commits', bareCommits));
    console.log(
      `ratios: reads / GET health ${(reads.perSecond / baseline.perSecond).toFixed(2)}, writes / bare commits ${(writes.perSecond / bareCommits.perSecond).toFixed(2)}`,
    );
  } finally {
    client.close();
    await server.stop();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});

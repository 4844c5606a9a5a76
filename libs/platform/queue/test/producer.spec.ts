import { randomUUID } from 'node:crypto';
import { Job, QueueEvents } from 'bullmq';
import { createLogger, Metrics } from '@cpts/platform-observability';
import { createRedis, QueueName, QueueProducer, queuePrefix, QUEUES, WorkerRunner } from '../src';

/** CRC16/XMODEM (polynomial 0x1021, initial 0), the checksum Redis Cluster hashes keys with. */
function crc16(text: string): number {
  let crc = 0;
  for (const byte of Buffer.from(text)) {
    crc ^= byte << 8;
    for (let bit = 0; bit < 8; bit++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc;
}

/** The Redis Cluster slot of a key: of its hash tag (the first non-empty {...}) if it has one, else of the whole key. */
function keySlot(key: string): number {
  const open = key.indexOf('{');
  const close = open < 0 ? -1 : key.indexOf('}', open + 1);
  const hashed = close > open + 1 ? key.slice(open + 1, close) : key;
  return crc16(hashed) % 16384;
}

/** Every key of this test run, whatever its shape: SCAN over the run's own prefix, wherever it sits in the key. */
async function runKeys(redis: ReturnType<typeof createRedis>): Promise<string[]> {
  const keys: string[] = [];
  let cursor = '0';
  do {
    const [next, batch] = await redis.scan(cursor, 'MATCH', `*${process.env.REDIS_PREFIX}*`, 'COUNT', 1000);
    keys.push(...batch);
    cursor = next;
  } while (cursor !== '0');
  return keys;
}

describe('QueueProducer', () => {
  const redis = createRedis(process.env.REDIS_URL as string, 'client');
  const producer = new QueueProducer(redis, process.env.REDIS_PREFIX as string);
  afterAll(async () => {
    await producer.close();
    redis.disconnect();
  });

  it('computes slots as Redis Cluster does', () => {
    expect(crc16('123456789')).toBe(0x31c3); // the check value of the cluster specification
    expect(keySlot('foo')).toBe(12182);
    expect(keySlot('{user1000}.following')).toBe(keySlot('{user1000}.followers'));
    // The specification's examples: an empty first tag hashes the whole key; the tag ends at the first '}'.
    expect(keySlot('foo{}{bar}')).toBe(crc16('foo{}{bar}') % 16384);
    expect(keySlot('foo{{bar}}zap')).toBe(crc16('{bar') % 16384);
    expect(keySlot('foo{bar}{zap}')).toBe(crc16('bar') % 16384);
  });

  it('keeps every key of a queue in one Redis Cluster slot (hash-tagged prefix), through adding, processing and completing a job', async () => {
    const prefix = process.env.REDIS_PREFIX as string;
    const queues = Object.values(QUEUES) as QueueName[];
    const seenWhileActive = new Map<QueueName, string[]>();
    const jobIds = new Map<QueueName, string>();
    const metrics = new Metrics('test');
    const runner = new WorkerRunner(process.env.REDIS_URL as string, prefix, createLogger({ service: 'test', level: 'silent' }), metrics);
    // Each consumer lists the keys while it holds its job (the lock key only lives then).
    runner.start(
      queues.map((queue) => ({
        queue,
        concurrency: 1,
        process: async () => void seenWhileActive.set(queue, await runKeys(redis)),
      })),
    );
    const connections = queues.map(() => createRedis(process.env.REDIS_URL as string, 'worker'));
    const events = queues.map((queue, i) => new QueueEvents(queue, { connection: connections[i], prefix: queuePrefix(prefix, queue) }));
    try {
      await Promise.all([runner.waitUntilReady(), ...events.map((e) => e.waitUntilReady())]);
      for (const [i, queue] of queues.entries()) {
        const id = randomUUID();
        jobIds.set(queue, id);
        await producer.add(queue, { outboxId: id, tenantId: id, importId: id, campaignId: id, chunk: '0', reminderId: id } as never, id);
        await ((await producer.queue(queue).getJob(id)) as Job).waitUntilFinished(events[i]);
      }
    } finally {
      await runner.stop();
      await Promise.all(events.map((e) => e.close()));
      for (const connection of connections) connection.disconnect();
    }
    const keys = new Set([...(await runKeys(redis)), ...[...seenWhileActive.values()].flat()]);
    const ofQueue = (queue: QueueName) => [...keys].filter((k) => k.includes(`:${queue}:`));
    // Every key the run created belongs to one of the queues: none escaped the queue prefixes.
    expect([...keys].filter((k) => queues.filter((q) => k.includes(`:${q}:`)).length !== 1)).toEqual([]);
    for (const queue of queues) {
      const keysOfQueue = ofQueue(queue);
      const kinds = new Set(keysOfQueue.map((k) => k.slice(k.lastIndexOf(':') + 1)));
      // The job's own hash (its key ends with its id), its lock, the queue's id counter, meta, event stream and completed set.
      kinds.add(keysOfQueue.some((k) => k.endsWith(`:${jobIds.get(queue)}`)) ? 'job' : 'no job hash');
      expect({ queue, kinds: ['job', 'lock', 'id', 'meta', 'events', 'completed'].filter((kind) => kinds.has(kind)) }).toEqual({ queue, kinds: ['job', 'lock', 'id', 'meta', 'events', 'completed'] });
      expect({ queue, slots: new Set(keysOfQueue.map(keySlot)).size }).toEqual({ queue, slots: 1 });
    }
    expect(queuePrefix('cpts', QUEUES.mail)).toBe('{cpts:mail}');
  });

  it('uses the idempotency key as job id: adding it twice queues one job', async () => {
    const id = randomUUID();
    await producer.add(QUEUES.mail, { outboxId: id }, id);
    await producer.add(QUEUES.mail, { outboxId: id }, id);
    const jobs = await producer.queue(QUEUES.mail).getJobs(['waiting', 'delayed']);
    expect(jobs.filter((j) => j.id === id)).toHaveLength(1);
    expect(await producer.liveJobIds(QUEUES.mail, [id, randomUUID()])).toEqual(new Set([id]));
  });

  it('lets a finished job be queued again once removed', async () => {
    const id = randomUUID();
    await producer.add(QUEUES.mail, { outboxId: id }, id);
    const job = await producer.queue(QUEUES.mail).getJob(id);
    await job!.remove();
    await producer.removeFinished(QUEUES.mail, id);
    await producer.add(QUEUES.mail, { outboxId: id }, id);
    expect(await producer.liveJobIds(QUEUES.mail, [id])).toEqual(new Set([id]));
  });
});

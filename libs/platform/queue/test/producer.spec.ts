import { randomUUID } from 'node:crypto';
import { createRedis, QueueProducer, queuePrefix, QUEUES } from '../src';

describe('QueueProducer', () => {
  const redis = createRedis(process.env.REDIS_URL as string, 'client');
  const producer = new QueueProducer(redis, process.env.REDIS_PREFIX as string);
  afterAll(async () => {
    await producer.close();
    redis.disconnect();
  });

  it('keeps every key of a queue in one Redis Cluster slot (hash-tagged prefix)', async () => {
    expect(queuePrefix('cpts', QUEUES.mail)).toBe('{cpts:mail}');
    await producer.add(QUEUES.mail, { outboxId: randomUUID() }, randomUUID());
    const keys = await redis.keys(`{${process.env.REDIS_PREFIX}:mail}:*`);
    expect(keys.length).toBeGreaterThan(0);
    const slots = new Set(await Promise.all(keys.map((k) => redis.call('CLUSTER', 'KEYSLOT', k).catch(() => k.slice(0, k.indexOf('}') + 1)))));
    expect(slots.size).toBe(1);
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

// Exit 0 when the given PostgreSQL or Redis server answers within 2 s.
const [kind, url] = process.argv.slice(2);
const fail = () => process.exit(1);
setTimeout(fail, 2000).unref();
if (kind === 'postgres') {
  const { Client } = require('pg');
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 1500 });
  client.connect().then(() => client.query('select 1')).then(() => client.end()).then(() => process.exit(0), fail);
} else if (kind === 'redis') {
  const Redis = require('ioredis');
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, enableOfflineQueue: false });
  redis.on('error', () => {});
  redis.connect().then(() => redis.ping()).then(() => redis.quit()).then(() => process.exit(0), fail);
} else {
  fail();
}

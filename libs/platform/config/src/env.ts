import 'reflect-metadata';
import { plainToInstance, Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsInt, IsOptional, IsString, IsUrl, Matches, Max, Min, MinLength, ValidateIf, validateSync } from 'class-validator';

const SENSITIVE = Symbol('sensitive');

/** Marks an environment value that must never be logged or printed. */
export function Sensitive(): PropertyDecorator {
  return (target, key) => {
    const set: Set<string | symbol> = Reflect.getMetadata(SENSITIVE, target) ?? new Set();
    set.add(key);
    Reflect.defineMetadata(SENSITIVE, set, target);
  };
}

export function isSensitive(envClass: object, key: string): boolean {
  const set: Set<string | symbol> | undefined = Reflect.getMetadata(SENSITIVE, envClass);
  return set?.has(key) ?? false;
}

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));
const toBool = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : ['1', 'true', 'yes', 'on'].includes(String(value).toLowerCase());
const pgUrl = /^postgres(ql)?:\/\/.+/;

export class RuntimeEnv {
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: 'development' | 'test' | 'production' = 'development';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';
}

/** The runtime connection: a role that owns no table and cannot bypass RLS. */
export class DatabaseEnv {
  @Sensitive()
  @Matches(pgUrl, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL: string;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(200)
  DATABASE_POOL_SIZE = 20;

  /**
   * True when DATABASE_URL goes through a transaction pooler (PgBouncer,
   * pool_mode = transaction): each transaction may run on another server
   * connection, so nothing may be kept on one between transactions (the
   * worker then plans its campaign statement each time instead of naming it).
   */
  @Transform(toBool)
  @IsBoolean()
  DATABASE_TRANSACTION_POOLING = false;

  /**
   * Optional: a streaming replica of DATABASE_URL's database, reached as the
   * same runtime role. The regional read path (RegionalReader) reads there;
   * everything else stays on DATABASE_URL. Unset: everything on the primary.
   */
  @Sensitive()
  @IsOptional()
  @Matches(pgUrl, { message: 'DATABASE_REPLICA_URL must be a postgres:// URL' })
  DATABASE_REPLICA_URL?: string;

  /** Replication lag beyond which the regional reads go back to the primary until the replica catches up. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(3600)
  DATABASE_REPLICA_MAX_LAG_SECONDS = 30;
}

/** The owner connection, used only by the migrator. */
export class MigrationEnv {
  @Sensitive()
  @Matches(pgUrl, { message: 'MIGRATION_DATABASE_URL must be a postgres:// URL' })
  MIGRATION_DATABASE_URL: string;

  /** The runtime role the migrator grants table privileges to. */
  @Matches(/^[a-z_][a-z0-9_]*$/)
  DATABASE_RUNTIME_ROLE = 'cpts_app';
}

export class RedisEnv {
  /**
   * A single Redis server. Optional with REDIS_CLUSTER_NODES, where only its
   * user, password and rediss:// (TLS) are read, for every node of the cluster.
   */
  @Sensitive()
  @ValidateIf((env: RedisEnv) => !env.REDIS_CLUSTER_NODES || env.REDIS_URL !== undefined)
  @Matches(/^rediss?:\/\/.+/, { message: 'REDIS_URL must be a redis:// URL (or set REDIS_CLUSTER_NODES)' })
  REDIS_URL?: string;

  /** A Redis Cluster instead: some of its nodes as host:port, comma-separated (the others are discovered). */
  @IsOptional()
  @Matches(/^\s*[^\s,:]+:\d{1,5}(\s*,\s*[^\s,:]+:\d{1,5})*\s*$/, { message: 'REDIS_CLUSTER_NODES must be host:port pairs separated by commas' })
  REDIS_CLUSTER_NODES?: string;

  /** Prefix of every key; queues add a hash tag per queue for Redis Cluster. */
  @Matches(/^[a-zA-Z0-9_-]+$/)
  REDIS_PREFIX = 'cpts';
}

export class AuthEnv {
  @Sensitive()
  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET: string;

  @Transform(toInt)
  @IsInt()
  @Min(60)
  @Max(3600)
  JWT_ACCESS_TTL_SECONDS = 900;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(90)
  REFRESH_TTL_DAYS = 30;

  /** Refresh cookie sent over HTTPS only; turn off only for plain-HTTP local runs. */
  @Transform(toBool)
  @IsBoolean()
  COOKIE_SECURE = true;
}

export class MailEnv {
  @Matches(/^smtps?:\/\/.+/, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' })
  SMTP_URL: string;

  @IsString()
  MAIL_FROM = 'Plateforme CPTS <no-reply@cpts.localhost>';

  /** Public address of the web app, used to build the links in emails. */
  @IsUrl({ require_tld: false, require_protocol: true })
  APP_URL = 'http://localhost:3000';

  /** Key material for secrets kept in the mail outbox until sent (AES-256-GCM). */
  @Sensitive()
  @IsString()
  @MinLength(32, { message: 'LINK_SECRET must be at least 32 characters' })
  LINK_SECRET: string;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(50)
  SMTP_POOL_SIZE = 5;

  /**
   * Optional: a mailbox whose incoming messages unsubscribe (the mailto: of
   * List-Unsubscribe, subject "unsubscribe-TOKEN"); its mail must be piped to
   * POST /api/mail/bounces. Unset: campaign messages carry the HTTPS link only.
   */
  @IsOptional()
  @IsEmail({}, { message: 'MAIL_UNSUBSCRIBE_ADDRESS must be an e-mail address' })
  MAIL_UNSUBSCRIBE_ADDRESS?: string;

  /**
   * Optional: the bounce mailbox. Campaign messages are sent with the envelope
   * sender bounce+TOKEN@its domain (VERP: "bounces@cpts.fr" gives
   * "bounces+TOKEN@cpts.fr"), so a delivery status notification names its
   * delivery; its mail must be piped to POST /api/mail/bounces. Unset: the
   * envelope sender is MAIL_FROM's address. Its local part has at most 9
   * characters: the token adds 55, and RFC 5321 caps a local part at 64.
   */
  @IsOptional()
  @IsEmail({}, { message: 'MAIL_BOUNCE_ADDRESS must be an e-mail address' })
  @Matches(/^[^@]{1,9}@/, { message: 'MAIL_BOUNCE_ADDRESS: at most 9 characters before the @ (VERP adds 55, and RFC 5321 allows 64)' })
  MAIL_BOUNCE_ADDRESS?: string;

  /** Optional: the bearer token of POST /api/mail/bounces (bounces, complaints, unsubscribe mail); unset, that route answers 404. */
  @Sensitive()
  @IsOptional()
  @IsString()
  @MinLength(24, { message: 'MAIL_WEBHOOK_TOKEN must be at least 24 characters' })
  MAIL_WEBHOOK_TOKEN?: string;
}

export class GatewayEnv {
  @IsString()
  GATEWAY_HOST = '127.0.0.1';

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  GATEWAY_PORT = 3000;

  /** Honour X-Forwarded-For (behind a load balancer) for client IPs and rate limits. */
  @Transform(toBool)
  @IsBoolean()
  TRUST_PROXY = false;

  @Transform(toInt)
  @IsInt()
  @Min(2)
  @Max(30)
  GRAPHQL_MAX_DEPTH = 10;

  @Transform(toInt)
  @IsInt()
  @Min(10)
  GRAPHQL_MAX_COMPLEXITY = 5000;

  /** Requests per minute and client address to the login-free /api/public/ routes (public directory, unsubscribe, click redirects). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  PUBLIC_API_RATE_PER_MINUTE = 120;

  /** When set, GET /metrics requires "Authorization: Bearer <token>". */
  @Sensitive()
  @IsOptional()
  @IsString()
  METRICS_TOKEN?: string;

  /** Folder of the built web app served at /, when present. */
  @IsOptional()
  @IsString()
  WEB_DIST_DIR?: string;
}

export class WorkerEnv {
  @IsString()
  WORKER_HTTP_HOST = '127.0.0.1';

  /** Health and metrics only: the worker serves no other HTTP. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  WORKER_HTTP_PORT = 3001;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100)
  MAIL_CONCURRENCY = 5;

  /** Directory imports run at once per worker process (each reads a whole uploaded file in one transaction; each adds its territory to the heap, docs/performance.md). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(10)
  IMPORT_CONCURRENCY = 1;

  /** Campaign messages in flight at once per worker process (also its SMTP connections for campaigns). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100)
  MAILING_CONCURRENCY = 10;

  /**
   * Campaign messages sent in one transaction (one COMMIT before their final dots); a worker runs
   * MAILING_CONCURRENCY / MAILING_GROUP_SIZE chunks at once. Capped at MAILING_CONCURRENCY.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100)
  MAILING_GROUP_SIZE = 10;

  /** Campaign messages per second per CPTS, over all worker processes (what the SMTP relay accepts from one sender). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100000)
  MAILING_RATE_PER_CPTS = 20;

  @Transform(toInt)
  @IsInt()
  @Min(500)
  RECONCILE_INTERVAL_MS = 30000;

  /** How long a job stays locked to its worker; a killed worker's jobs are retried after it. */
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  JOB_LOCK_MS = 30000;
}

/** Files shared by the gateway and the workers (directory imports waiting for their job, meeting documents). */
export class StorageEnv {
  /** A folder both the gateway and the workers reach (a shared volume in production). */
  @IsString()
  @MinLength(1)
  UPLOAD_DIR = '.data/uploads';
}

export class ConfigError extends Error {}

type EnvClass<T> = new () => T;

/**
 * Reads and validates one group of environment variables. Errors name the
 * variable and the rule, never the value (it may be a secret).
 */
export function loadEnv<T extends object>(envClass: EnvClass<T>, source: NodeJS.ProcessEnv = process.env): T {
  const defaults = new envClass() as Record<string, unknown>;
  const raw: Record<string, unknown> = {};
  for (const key of Object.keys(defaults).concat(Object.keys(source))) {
    if (source[key] !== undefined && source[key] !== '') raw[key] = source[key];
  }
  const instance = plainToInstance(envClass, { ...defaults, ...raw });
  const errors = validateSync(instance, { whitelist: true, forbidUnknownValues: false });
  if (errors.length > 0) {
    const lines = errors.map((e) => `  - ${e.property}: ${Object.values(e.constraints ?? {}).join('; ')}`);
    throw new ConfigError(`Invalid environment (${envClass.name}):\n${lines.join('\n')}`);
  }
  return instance;
}

/** The values of an env group fit for a log line: sensitive ones masked. */
export function describeEnv(env: object): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(env)) {
    out[key] = isSensitive(Object.getPrototypeOf(env), key) ? '***' : value;
  }
  return out;
}

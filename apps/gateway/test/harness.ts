import type { Logger } from '@cpts/platform-observability';
import { GraphQLClient, TestData } from '@cpts/testing';
import { Gateway, startGateway } from '../src/gateway';

/** A running gateway on a free port, with a client factory and direct database access for setup. */
export interface Harness {
  gateway: Gateway;
  data: TestData;
  client(headers?: Record<string, string>): GraphQLClient;
  /** A client signed in as `email` (test password). */
  signedIn(email: string, headers?: Record<string, string>): Promise<GraphQLClient>;
  close(): Promise<void>;
}

/** A distinct client address per client, so per-IP sign-in limits do not leak between tests. */
let clients = 0;
const nextIp = () => `198.51.100.${(clients++ % 250) + 1}`;

/** `logger`: to read what the gateway logs (by default nothing is, LOG_LEVEL being silent in tests). */
export async function startHarness(options: { logger?: Logger } = {}): Promise<Harness> {
  // Behind a (pretend) proxy: X-Forwarded-For gives each test client its own address.
  process.env.TRUST_PROXY = 'true';
  const gateway = await startGateway(options);
  const data = new TestData();
  const client = (headers: Record<string, string> = {}) => new GraphQLClient(gateway.url, { 'x-forwarded-for': nextIp(), ...headers });
  return {
    gateway,
    data,
    client,
    async signedIn(email, headers = {}) {
      const c = client(headers);
      const result = await c.login(email, 'mot de passe de test');
      if (result.errors) throw new Error(`login failed for ${email}: ${JSON.stringify(result.errors)}`);
      return c;
    },
    async close() {
      await gateway.app.close();
      await data.close();
    },
  };
}

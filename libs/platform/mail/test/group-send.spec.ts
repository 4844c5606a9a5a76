import net, { AddressInfo } from 'node:net';
import { SmtpSink } from '@cpts/testing';
import { GroupHooks, OutgoingMessage, Refused, SmtpSender } from '../src/smtp-sender';

/**
 * Group commit-before-dot against a real SMTP server (the in-process sink).
 * The database is the caller's: here the hooks only record what they are
 * asked, which is the sender's whole contract with it.
 */
describe('SmtpSender.sendGroup', () => {
  const sink = new SmtpSink((mail) => {
    // The final dot of this message has arrived: the group's COMMIT must already be on its way.
    if (!committed) dotsBeforeCommit.push(mail.to[0]);
  });
  let committed = false;
  let dotsBeforeCommit: string[] = [];
  let port: number;

  const message = (to: string, body = 'Bonjour'): OutgoingMessage => ({
    from: 'no-reply@cpts.test',
    to,
    raw: `From: no-reply@cpts.test\r\nTo: ${to}\r\nSubject: Lettre\r\n\r\n${body}\r\n`,
  });

  /** Hooks that record each call; `prepareDelayMs` stretches the time the messages are held. */
  function recordingHooks(prepareDelayMs = 0, failPrepare = false) {
    const calls: Array<{ held: number[]; refused: Refused[] }> = [];
    const hooks: GroupHooks = {
      prepare: async (held, refused) => {
        calls.push({ held, refused });
        if (failPrepare) throw new Error('database unreachable');
        await new Promise((resolve) => setTimeout(resolve, calls.length === 1 ? prepareDelayMs : 0));
      },
      commit: () => {
        committed = true;
        return Promise.resolve();
      },
    };
    return { calls, hooks };
  }

  beforeAll(async () => {
    port = await sink.start();
  });
  afterAll(() => sink.stop());
  beforeEach(() => {
    sink.messages.length = 0;
    sink.refuseRecipient = null;
    committed = false;
    dotsBeforeCommit = [];
  });

  it('holds every message before its dot, commits once, then releases all the dots', async () => {
    const sender = new SmtpSender(`smtp://127.0.0.1:${port}?tls=off`, { poolSize: 5 });
    try {
      const { calls, hooks } = recordingHooks(200);
      const { answers } = await sender.sendGroup(['a', 'b', 'c', 'd', 'e'].map((n) => message(`${n}@cpts.test`)), hooks);
      const outcomes = await answers;
      expect(outcomes.map((o) => o.kind)).toEqual(['delivered', 'delivered', 'delivered', 'delivered', 'delivered']);
      expect(calls).toEqual([{ held: [0, 1, 2, 3, 4], refused: [] }]);
      // Held 200 ms in prepare, and still no message arrived before the commit.
      expect(dotsBeforeCommit).toEqual([]);
      expect(sink.messages.map((m) => m.to[0]).sort()).toEqual(['a@cpts.test', 'b@cpts.test', 'c@cpts.test', 'd@cpts.test', 'e@cpts.test']);
    } finally {
      sender.close();
    }
  });

  it('hands the messages refused before their dot to prepare, in the same transaction as the marks of the others', async () => {
    sink.refuseRecipient = (to) => (to === 'nobody@cpts.test' ? { code: 550, message: 'No such user' } : null);
    const sender = new SmtpSender(`smtp://127.0.0.1:${port}?tls=off`, { poolSize: 3 });
    try {
      const { calls, hooks } = recordingHooks();
      const { answers } = await sender.sendGroup([message('a@cpts.test'), message('nobody@cpts.test'), message('c@cpts.test')], hooks);
      const outcomes = await answers;
      expect(calls).toHaveLength(1);
      expect(calls[0].held).toEqual([0, 2]);
      expect(calls[0].refused).toEqual([{ index: 1, marked: false, outcome: expect.objectContaining({ kind: 'not-sent', temporary: false, responseCode: 550 }) }]);
      expect(outcomes.map((o) => o.kind)).toEqual(['delivered', 'not-sent', 'delivered']);
      expect(sink.messages.map((m) => m.to[0]).sort()).toEqual(['a@cpts.test', 'c@cpts.test']);
    } finally {
      sender.close();
    }
  });

  it('unmarks a held message whose connection drops before the commit, and sends the others', async () => {
    // A proxy in front of the sink cuts the connection that carries LOSE-ME 100 ms after the body went through, while prepare still runs.
    const proxy = net.createServer((client) => {
      const server = net.connect(port, '127.0.0.1');
      client.pipe(server);
      server.pipe(client);
      client.on('data', (chunk: Buffer) => {
        if (chunk.includes('LOSE-ME')) setTimeout(() => (client.destroy(), server.destroy()), 100);
      });
      client.on('error', () => server.destroy());
      server.on('error', () => client.destroy());
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    const sender = new SmtpSender(`smtp://127.0.0.1:${(proxy.address() as AddressInfo).port}?tls=off`, { poolSize: 3 });
    try {
      const { calls, hooks } = recordingHooks(500);
      const { answers } = await sender.sendGroup([message('a@cpts.test'), message('lost@cpts.test', 'LOSE-ME'), message('c@cpts.test')], hooks);
      const outcomes = await answers;
      // First marked with the others, then handed back as refused (already marked) before the one COMMIT.
      expect(calls.map((c) => c.held)).toEqual([[0, 1, 2], []]);
      expect(calls[1].refused).toEqual([{ index: 1, marked: true, outcome: expect.objectContaining({ kind: 'not-sent', temporary: true }) }]);
      expect(outcomes.map((o) => o.kind)).toEqual(['delivered', 'not-sent', 'delivered']);
      expect(sink.messages.map((m) => m.to[0]).sort()).toEqual(['a@cpts.test', 'c@cpts.test']);
      expect(dotsBeforeCommit).toEqual([]);
    } finally {
      sender.close();
      await new Promise((resolve) => proxy.close(resolve));
    }
  });

  it('withdraws every message when prepare fails: nothing is committed and nothing arrives', async () => {
    const sender = new SmtpSender(`smtp://127.0.0.1:${port}?tls=off`, { poolSize: 3 });
    try {
      const { hooks } = recordingHooks(0, true);
      await expect(sender.sendGroup([message('a@cpts.test'), message('b@cpts.test')], hooks)).rejects.toThrow('database unreachable');
      expect(committed).toBe(false);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(sink.messages).toEqual([]);
    } finally {
      sender.close();
    }
  });
});

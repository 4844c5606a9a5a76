import { AddressInfo } from 'node:net';
import { ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string[];
  from: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
  headers: Map<string, unknown>;
  raw: string;
  receivedAt: Date;
  /** The name the sending client gave in EHLO: tells which process sent the message. */
  client: string;
}

/**
 * A real SMTP server, in-process, that keeps what it receives: the receiving
 * end of email in tests and in `npm start` (where infra/smtp-sink also writes
 * each message to a folder).
 */
export class SmtpSink {
  readonly messages: ReceivedMail[] = [];
  private server: SMTPServer | null = null;
  private listeners: Array<() => void> = [];
  /** Decides to refuse a message with an SMTP error (e.g. 451 try later, 550 no such user); null accepts. */
  refuse: ((to: string[]) => { code: number; message: string } | null) | null = null;
  /** Decides to refuse a recipient at RCPT TO, before any data is sent; null accepts. */
  refuseRecipient: ((to: string) => { code: number; message: string } | null) | null = null;
  /** Time the sink takes to accept each message, like a real relay under load. */
  delayMs = 0;
  /** Sessions currently held at each stage (see hold()). */
  readonly held = { rcpt: 0, data: 0 };
  private gates: { rcpt: Promise<void> | null; data: Promise<void> | null } = { rcpt: null, data: null };

  /**
   * Stops answering at one stage until the returned function is called:
   * 'rcpt' holds the envelope (before any data is sent), 'data' holds the
   * answer to the final dot (the message is received and kept, the client
   * is not told yet). Lets a test freeze clients at a chosen point.
   */
  hold(stage: 'rcpt' | 'data'): () => void {
    let release!: () => void;
    this.gates[stage] = new Promise<void>((resolve) => (release = resolve));
    return () => {
      this.gates[stage] = null;
      release();
    };
  }

  private async pass(stage: 'rcpt' | 'data'): Promise<void> {
    const gate = this.gates[stage];
    if (!gate) return;
    this.held[stage] += 1;
    try {
      await gate;
    } finally {
      this.held[stage] -= 1;
    }
  }

  constructor(private readonly onMessage?: (mail: ReceivedMail) => void | Promise<void>) {}

  async start(port = 0, host = '127.0.0.1'): Promise<number> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      size: 25 * 1024 * 1024,
      onRcptTo: (address, _session, callback) => {
        const refusal = this.refuseRecipient?.(address.address.toLowerCase());
        if (refusal) return callback(Object.assign(new Error(refusal.message), { responseCode: refusal.code }));
        this.pass('rcpt').then(() => callback());
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', async () => {
          const refusal = this.refuse?.(session.envelope.rcptTo.map((r) => r.address.toLowerCase()));
          if (refusal) {
            callback(Object.assign(new Error(refusal.message), { responseCode: refusal.code }));
            return;
          }
          try {
            // The final dot arrived: like a real relay, the message is now kept, answered or not.
            const raw = Buffer.concat(chunks).toString('utf8');
            const parsed: ParsedMail = await simpleParser(raw);
            const mail: ReceivedMail = {
              to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
              subject: parsed.subject ?? '',
              text: parsed.text ?? '',
              html: typeof parsed.html === 'string' ? parsed.html : '',
              messageId: parsed.messageId ?? '',
              headers: parsed.headers as Map<string, unknown>,
              raw,
              receivedAt: new Date(),
              client: session.hostNameAppearsAs,
            };
            this.messages.push(mail);
            await this.onMessage?.(mail);
            this.listeners.forEach((l) => l());
            if (this.delayMs) await new Promise((r) => setTimeout(r, this.delayMs));
            await this.pass('data');
            callback();
          } catch (err) {
            callback(err as Error);
          }
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(port, host, () => resolve());
    });
    // A client that dies mid-session (a SIGKILLed worker) resets its connection, which smtp-server reports as an
    // 'error' event; unheard, the second one would crash the test process. A real relay shrugs it off too.
    this.server.on('error', () => undefined);
    return (this.server.server.address() as AddressInfo).port;
  }

  /** Messages for one recipient. */
  to(address: string): ReceivedMail[] {
    return this.messages.filter((m) => m.to.includes(address.toLowerCase()));
  }

  /** Resolves once `predicate` holds over the received messages. */
  waitFor(predicate: (messages: ReceivedMail[]) => boolean, timeoutMs = 15_000): Promise<void> {
    if (predicate(this.messages)) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.listeners = this.listeners.filter((l) => l !== check);
        reject(new Error(`SMTP sink: condition not met after ${timeoutMs} ms (${this.messages.length} messages received)`));
      }, timeoutMs);
      const check = () => {
        if (predicate(this.messages)) {
          clearTimeout(timer);
          this.listeners = this.listeners.filter((l) => l !== check);
          resolve();
        }
      };
      this.listeners.push(check);
    });
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
    this.server = null;
  }
}

import type { Socket } from 'node:net';
import { Readable } from 'node:stream';
import SMTPConnection from 'nodemailer/lib/smtp-connection';

export interface OutgoingMessage {
  from: string;
  to: string;
  /** Complete RFC 5322 message, headers and body. */
  raw: string;
}

export type SendOutcome =
  /** The server answered 250 after the commit. */
  | { kind: 'delivered'; response: string }
  /** The server never got the final dot, so it kept nothing, and nothing was committed. `responseCode`: the server's refusal, if it answered one. */
  | { kind: 'not-sent'; temporary: boolean; error: string; responseCode?: number }
  /** The commit and the dot went out, then the server refused the message at end of data. */
  | { kind: 'refused-after-commit'; temporary: boolean; error: string; responseCode?: number }
  /** The commit and the dot went out, but no answer came back from the server. */
  | { kind: 'unconfirmed'; error: string }
  /** The dot went out but the commit failed: the email most likely left, the mark did not. */
  | { kind: 'commit-failed'; error: unknown };

/**
 * Holds the message's last bytes until released: SMTP servers take a message
 * only when they receive the terminating "<CRLF>.<CRLF>", which nodemailer
 * writes when this stream ends.
 */
class HeldMessage extends Readable {
  private pushed = false;
  private resolveDrained!: () => void;
  readonly drained = new Promise<void>((resolve) => (this.resolveDrained = resolve));

  constructor(private readonly raw: string) {
    super();
  }

  override _read(): void {
    if (!this.pushed) {
      this.pushed = true;
      this.push(this.raw);
      return;
    }
    // Asked for more: the body went down the pipe (after the server's 354).
    this.resolveDrained();
  }

  release(): void {
    this.push(null);
  }
}

function isTemporary(err: { responseCode?: number; code?: string }): boolean {
  if (typeof err.responseCode === 'number') return err.responseCode < 500;
  return true; // connection errors, timeouts: the server did not refuse the message
}

/** The caller's side of commit-before-dot. */
export interface SendHooks {
  /** Runs while the server holds the message without its final dot (e.g. marks the row sent, uncommitted). */
  prepare(): Promise<void>;
  /** Must write its commit to the database's socket before returning its promise. */
  commit(): Promise<void>;
}

/**
 * Sends email over a pooled SMTP connection with commit-before-dot. An SMTP
 * server takes a message only when the terminating dot arrives; until then,
 * a dropped connection makes it discard the message. So the message is
 * streamed up to its final dot, `prepare` runs (the outbox row is marked
 * sent inside the open transaction), then `commit` writes COMMIT to the
 * database socket and the dot is released in the same tick:
 *  - a crash before that point leaves the row pending (the database rolls
 *    back) and the server with an unterminated message, which it drops: the
 *    retry sends it once;
 *  - a crash after the dot was written leaves the row sent and the dot on
 *    its way (the kernel flushes a dead process's sockets): sent once.
 * What remains is the few microseconds of JavaScript between the COMMIT write
 * and the dot write: a crash exactly there loses that one email (marked sent,
 * never delivered); see docs/adr/0004-exactly-once-email.md.
 */
export class SmtpSender {
  private readonly pool: SmtpConnectionPool;

  constructor(smtpUrl: string, options: { poolSize: number }) {
    this.pool = new SmtpConnectionPool(smtpUrl, options.poolSize);
  }

  async send(message: OutgoingMessage, hooks: SendHooks): Promise<SendOutcome> {
    const held = new HeldMessage(message.raw);
    let released = false;
    const connection = await this.pool.acquire();
    let healthy = false;
    const sending = new Promise<string>((resolve, reject) =>
      // The connection pipes the message only once the server has answered DATA with 354.
      connection.send({ from: message.from, to: [message.to] }, held, (err, info) => (err ? reject(err) : resolve(info.response))),
    ).then((response) => {
      healthy = true;
      return { response };
    });
    sending.finally(() => this.pool.release(connection, healthy)).catch(() => undefined);
    let failedEarly = false;
    sending.catch(() => {
      if (!released) failedEarly = true;
    });

    // Whichever comes first: the body is down the pipe (the server said 354), or the send failed.
    const early = await Promise.race([held.drained.then(() => 'drained' as const), sending.then(() => 'finished' as const, () => 'failed' as const)]);
    let prepareError: unknown = null;
    if (early === 'drained' && !failedEarly) await hooks.prepare().catch((err: unknown) => (prepareError = err ?? new Error('prepare failed')));
    let commitError: unknown = null;
    if (early === 'drained' && !failedEarly && !prepareError) {
      // No await between these two lines: COMMIT is on the socket, then the dot follows within the same tick's queue.
      const committing = hooks.commit();
      released = true;
      held.release();
      try {
        await committing;
      } catch (err) {
        commitError = err;
      }
    } else {
      held.destroy(new Error('message withdrawn before its final dot')); // the connection is closed: the server drops what it got
    }

    if (prepareError) {
      await sending.catch(() => undefined);
      return { kind: 'not-sent', temporary: true, error: `could not mark the email sent: ${(prepareError as Error).message ?? prepareError}` };
    }
    try {
      const info = await sending;
      if (commitError) return { kind: 'commit-failed', error: commitError };
      if (!released) return { kind: 'unconfirmed', error: 'the server answered before the message was released' };
      return { kind: 'delivered', response: info.response };
    } catch (err) {
      const e = err as Error & { responseCode?: number };
      if (!released) return { kind: 'not-sent', temporary: isTemporary(e), error: e.message, responseCode: e.responseCode };
      if (commitError) return { kind: 'commit-failed', error: commitError };
      if (typeof e.responseCode === 'number') return { kind: 'refused-after-commit', temporary: e.responseCode < 500, error: e.message, responseCode: e.responseCode };
      return { kind: 'unconfirmed', error: e.message };
    }
  }

  close(): void {
    this.pool.close();
  }
}

/**
 * A few long-lived SMTP connections (nodemailer's SMTPConnection), reused
 * one message at a time. Not nodemailer's pooled transport: that one starts
 * reading a message before the server accepts it, which would break
 * commit-before-dot. A connection that saw any error is closed, not reused.
 */
class SmtpConnectionPool {
  private readonly idle: SMTPConnection[] = [];
  private readonly waiters: Array<() => void> = [];
  private open = 0;
  private closed = false;

  constructor(
    private readonly url: string,
    private readonly size: number,
  ) {}

  async acquire(): Promise<SMTPConnection> {
    for (;;) {
      if (this.closed) throw new Error('SMTP pool closed');
      const idle = this.idle.pop();
      if (idle) return idle;
      if (this.open < this.size) {
        this.open += 1;
        try {
          return await this.connect();
        } catch (err) {
          this.open -= 1;
          this.wakeOne();
          throw err;
        }
      }
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  release(connection: SMTPConnection, healthy: boolean): void {
    if (healthy && !this.closed) {
      // The server's 250 after the dot ended the mail transaction: the next MAIL FROM may follow at once
      // (RFC 5321 4.1.4). No RSET: it would cost a round trip per message.
      this.idle.push(connection);
      this.wakeOne();
    } else {
      this.discard(connection);
    }
  }

  close(): void {
    this.closed = true;
    for (const connection of this.idle.splice(0)) connection.quit();
    this.waiters.splice(0).forEach((wake) => wake());
  }

  private discard(connection: SMTPConnection): void {
    const i = this.idle.indexOf(connection);
    if (i >= 0) this.idle.splice(i, 1);
    connection.close();
    this.open -= 1;
    this.wakeOne();
  }

  private wakeOne(): void {
    this.waiters.shift()?.();
  }

  private connect(): Promise<SMTPConnection> {
    const url = new URL(this.url);
    const connection = new SMTPConnection({
      host: url.hostname,
      port: Number(url.port || (url.protocol === 'smtps:' ? 465 : 25)),
      secure: url.protocol === 'smtps:',
      // STARTTLS when the server offers it; a local relay or sink may not.
      ignoreTLS: url.searchParams.get('tls') === 'off',
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    });
    // An idle connection the server closes leaves the pool.
    const drop = () => {
      const i = this.idle.indexOf(connection);
      if (i >= 0) {
        this.idle.splice(i, 1);
        this.open -= 1;
      }
    };
    connection.on('end', drop);
    connection.on('error', drop);
    return new Promise((resolve, reject) => {
      connection.connect((err?: Error) => {
        if (err) return reject(err);
        // Nagle's algorithm holds the message's last bytes (the final dot) until the server acknowledges the
        // previous ones, which it delays by up to 40 ms: ~200 messages/s over 10 connections instead of ~1,300
        // (measured against a local sink). SMTPConnection has no option for it; its socket is private.
        (connection as unknown as { _socket?: Socket })._socket?.setNoDelay(true);
        if (!url.username) return resolve(connection);
        connection.login({ user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) }, (loginErr?: Error | null) =>
          loginErr ? reject(loginErr) : resolve(connection),
        );
      });
    });
  }
}

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

/** A message the server refused before its final dot, or whose connection failed then: the server kept nothing. */
export type NotSent = Extract<SendOutcome, { kind: 'not-sent' }>;

/** A message the server did not take, in a group: its index in the group and why. */
export interface Refused {
  index: number;
  outcome: NotSent;
  /** An earlier call of `prepare` had marked it sent (in the same, uncommitted transaction). */
  marked: boolean;
}

/** The caller's side of commit-before-dot, for a group of messages in one transaction. */
export interface GroupHooks {
  /**
   * Runs in the caller's open transaction while the server holds each message
   * of `held` (indexes in the group) without its final dot: marks them sent,
   * uncommitted; and records the `refused` ones, which were not sent. Runs
   * again, with no `held`, when a marked message's connection fails before
   * the commit: the message was not sent after all.
   */
  prepare(held: number[], refused: Refused[]): Promise<void>;
  /** Must write its commit to the database's socket before returning its promise. */
  commit(): Promise<void>;
}

/** One message of a group on its SMTP connection. */
interface Flight {
  readonly held: HeldMessage;
  /** The server's answer to the final dot. */
  sending: Promise<string>;
  /** Set when the send fails before its dot is released. */
  failure: NotSent | null;
  released: boolean;
}

function notSent(err: unknown): NotSent {
  const e = err as Error & { responseCode?: number; code?: string };
  return { kind: 'not-sent', temporary: isTemporary(e), error: e?.message ?? String(err), responseCode: e?.responseCode };
}

/**
 * Sends email over pooled SMTP connections with commit-before-dot. An SMTP
 * server takes a message only when the terminating dot arrives; until then,
 * a dropped connection makes it discard the message. So each message of a
 * group is streamed, on its own connection, up to its final dot; `prepare`
 * marks the rows of those held sent inside the caller's open transaction;
 * then `commit` writes COMMIT to the database socket and every held dot is
 * released in the same tick:
 *  - a crash before that point leaves the rows pending (the database rolls
 *    back) and the servers with unterminated messages, which they drop: the
 *    retry sends each once;
 *  - a crash after the dots were written leaves the rows sent and the dots
 *    on their way (the kernel flushes a dead process's sockets): sent once.
 * What remains is the few microseconds of JavaScript between the COMMIT write
 * and the dots' writes: a crash exactly there loses those emails (marked
 * sent, never delivered); see docs/adr/0004-exactly-once-email.md. A group
 * shares one transaction and one COMMIT: what a message costs the database
 * is divided by the group's size (ADR 0010).
 */
export class SmtpSender {
  private readonly pool: SmtpConnectionPool;

  constructor(smtpUrl: string, options: { poolSize: number }) {
    this.pool = new SmtpConnectionPool(smtpUrl, options.poolSize);
  }

  /**
   * Resolves once the group's COMMIT has completed (or failed) and its dots
   * are out; then `answers` gives one outcome per message, in order, once the
   * servers have answered the dots (the caller may start its next group
   * meanwhile: the database connection is free). Throws what `prepare`
   * throws (every message is then withdrawn before its dot: none was sent,
   * and nothing was committed).
   *
   * Each message waits for a connection of the pool while the group's
   * others hold theirs: the groups in their holding phase at once (one per
   * caller that awaits this before its next group) must together ask no
   * more than the pool's size, or they could wait on each other for ever.
   */
  async sendGroup(messages: OutgoingMessage[], hooks: GroupHooks): Promise<{ answers: Promise<SendOutcome[]> }> {
    const flights = await Promise.all(messages.map((message) => this.hold(message)));
    const marked = new Set<number>();
    let held = flights.flatMap((f, i) => (f.failure ? [] : [i]));
    let refused: Refused[] = flights.flatMap((f, index) => (f.failure ? [{ index, outcome: f.failure, marked: false }] : []));
    try {
      for (;;) {
        await hooks.prepare(held, refused);
        held.forEach((i) => marked.add(i));
        // A marked message whose connection failed meanwhile was not sent: unmark it before the commit.
        const lost = [...marked].filter((i) => flights[i].failure);
        if (lost.length === 0) break;
        lost.forEach((i) => marked.delete(i));
        held = [];
        refused = lost.map((index) => ({ index, outcome: flights[index].failure as NotSent, marked: true }));
      }
    } catch (err) {
      for (const f of flights) f.held.destroy(new Error('message withdrawn before its final dot')); // the connection is closed: the server drops what it got
      await Promise.allSettled(flights.map((f) => f.sending));
      throw err;
    }
    // No await between the COMMIT's write and the dots': COMMIT is on the socket, then the dots follow within the same tick's queue.
    const committing = hooks.commit();
    for (const i of marked) {
      flights[i].released = true;
      flights[i].held.release();
    }
    let commitError: unknown = null;
    try {
      await committing;
    } catch (err) {
      commitError = err ?? new Error('commit failed');
    }
    return { answers: Promise.all(flights.map((f, i) => (marked.has(i) ? this.answer(f, commitError) : (f.failure as NotSent)))) };
  }

  close(): void {
    this.pool.close();
  }

  /** Starts the message on a connection of its own; resolves once the server holds it without its dot, or the send failed. */
  private async hold(message: OutgoingMessage): Promise<Flight> {
    const flight: Flight = { held: new HeldMessage(message.raw), sending: Promise.resolve(''), failure: null, released: false };
    let connection: SMTPConnection;
    try {
      connection = await this.pool.acquire();
    } catch (err) {
      flight.failure = notSent(err);
      return flight;
    }
    let healthy = false;
    flight.sending = new Promise<string>((resolve, reject) => {
      // SMTPConnection never calls back a send whose connection drops mid-message: it only emits 'error' and 'end'.
      const lost = (err?: Error) => reject(err instanceof Error ? err : new Error('SMTP connection closed during the message'));
      connection.once('error', lost);
      connection.once('end', lost);
      // The connection pipes the message only once the server has answered DATA with 354.
      connection.send({ from: message.from, to: [message.to] }, flight.held, (err, info) => {
        connection.off('error', lost);
        connection.off('end', lost);
        if (err) reject(err);
        else resolve(info.response);
      });
    }).then((response) => {
      healthy = true;
      return response;
    });
    flight.sending.finally(() => this.pool.release(connection, healthy)).catch(() => undefined);
    flight.sending.catch((err: unknown) => {
      if (!flight.released) flight.failure = notSent(err);
    });
    // Whichever comes first: the body is down the pipe (the server said 354), or the send ended.
    await Promise.race([flight.held.drained, flight.sending.catch(() => undefined)]);
    return flight;
  }

  /** The outcome of a message whose dot went out after the commit. */
  private async answer(flight: Flight, commitError: unknown): Promise<SendOutcome> {
    try {
      const response = await flight.sending;
      return commitError ? { kind: 'commit-failed', error: commitError } : { kind: 'delivered', response };
    } catch (err) {
      if (commitError) return { kind: 'commit-failed', error: commitError };
      const e = err as Error & { responseCode?: number };
      if (typeof e.responseCode === 'number')
        return { kind: 'refused-after-commit', temporary: e.responseCode < 500, error: e.message, responseCode: e.responseCode };
      return { kind: 'unconfirmed', error: e.message };
    }
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
      // The name this client gives in EHLO (?name=mail.example.fr): relays check it against the sending address's
      // reverse DNS, and a container's host name (the default) is a random id. Each worker may give its own.
      name: url.searchParams.get('name') ?? undefined,
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

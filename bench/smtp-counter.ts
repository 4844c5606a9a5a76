/**
 * The receiving end of the mailing benchmark, in a process of its own: an
 * SMTP server (smtp-server) that reads each message to its end and counts
 * it per recipient, nothing more, so its cost weighs the same on every run.
 * Started with fork(); says its port, then answers { count, duplicates, bytes }
 * to any message from the parent (bytes: of the messages' data, so runs can
 * show they sent the same messages).
 */
import { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

const perRecipient = new Map<string, number>();
let count = 0;
let duplicates = 0;
let bytes = 0;

const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['AUTH', 'STARTTLS'],
  logger: false,
  size: 10 * 1024 * 1024,
  onData(stream, session, callback) {
    stream.on('data', (chunk: Buffer) => (bytes += chunk.length));
    stream.on('end', () => {
      for (const r of session.envelope.rcptTo) {
        const n = (perRecipient.get(r.address) ?? 0) + 1;
        perRecipient.set(r.address, n);
        if (n > 1) duplicates += 1;
      }
      count += 1;
      callback();
    });
  },
});

server.listen(0, '127.0.0.1', () => {
  process.send?.({ port: (server.server.address() as AddressInfo).port });
});

process.on('message', (message: { reset?: boolean }) => {
  if (message.reset) {
    perRecipient.clear();
    count = 0;
    duplicates = 0;
    bytes = 0;
  }
  process.send?.({ count, duplicates, bytes });
});
process.on('disconnect', () => server.close(() => process.exit(0)));

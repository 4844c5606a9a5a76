/**
 * The receiving end of the mailing benchmark, in a process of its own: an
 * SMTP server (smtp-server) that reads each message to its end and counts
 * it per recipient, nothing more, so its cost weighs the same on every run.
 * Started with fork(); says its port, then answers { count, duplicates } to
 * any message from the parent.
 */
import { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

const perRecipient = new Map<string, number>();
let count = 0;
let duplicates = 0;

const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['AUTH', 'STARTTLS'],
  logger: false,
  size: 10 * 1024 * 1024,
  onData(stream, session, callback) {
    stream.on('data', () => undefined);
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
  }
  process.send?.({ count, duplicates });
});
process.on('disconnect', () => server.close(() => process.exit(0)));

import nodemailer from 'nodemailer';
import { SmtpSink } from './smtp-sink';

describe('SmtpSink', () => {
  it('receives real SMTP mail and can refuse it on demand', async () => {
    const sink = new SmtpSink();
    const port = await sink.start();
    const transport = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
    try {
      await transport.sendMail({ from: 'a@test.fr', to: 'Bob@Test.fr', subject: 'Bonjour', text: 'Salut' });
      await sink.waitFor((m) => m.length === 1);
      expect(sink.to('bob@test.fr')[0]).toMatchObject({ subject: 'Bonjour', text: expect.stringContaining('Salut') });
      sink.refuse = (to) => (to.includes('c@test.fr') ? { code: 550, message: 'No such user' } : null);
      await expect(transport.sendMail({ from: 'a@test.fr', to: 'c@test.fr', subject: 'x', text: 'y' })).rejects.toMatchObject({ responseCode: 550 });
    } finally {
      transport.close();
      await sink.stop();
    }
  });
});

describe('SmtpSink keeps only complete messages', () => {
  it('drops a message whose client disconnected before the final dot, as a real relay does', async () => {
    const { connect } = await import('node:net');
    const sink = new SmtpSink();
    const port = await sink.start();
    try {
      const socket = connect(port, '127.0.0.1');
      const lines = ['EHLO test', 'MAIL FROM:<a@test.fr>', 'RCPT TO:<b@test.fr>', 'DATA', 'Subject: cut\r\n\r\nhalf a message'];
      let answered = 0;
      await new Promise<void>((resolve) => {
        socket.on('data', (chunk) => {
          answered += chunk.toString().split('\r\n').filter((l) => /^\d{3} /.test(l)).length;
          if (answered >= 1 && lines.length) socket.write(`${lines.shift()}\r\n`);
          if (!lines.length) setTimeout(resolve, 100);
        });
      });
      socket.destroy();
      await new Promise((r) => setTimeout(r, 300));
      expect(sink.messages).toHaveLength(0);
    } finally {
      await sink.stop();
    }
  });
});

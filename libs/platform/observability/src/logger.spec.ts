import { Writable } from 'node:stream';
import { newScope, runInScope } from '@cpts/platform-core';
import { createLogger } from './logger';

function capture() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _enc, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { lines, logger: createLogger({ service: 'test', destination }) };
}

describe('createLogger', () => {
  it('never writes passwords, tokens or cookies', () => {
    const { lines, logger } = capture();
    logger.info(
      {
        req: { headers: { authorization: 'Bearer abc.def', cookie: 'rt=secret' } },
        body: { password: 'hunter2', token: 'tok-123', refreshToken: 'rt-456' },
      },
      'sign-in',
    );
    const out = lines.join('');
    for (const secret of ['hunter2', 'abc.def', 'rt=secret', 'tok-123', 'rt-456']) expect(out).not.toContain(secret);
    expect(out).toContain('[redacted]');
  });

  it('adds the request, tenant and user of the current scope', () => {
    const { lines, logger } = capture();
    const scope = newScope({ requestId: 'req-1', tenantId: '11111111-1111-1111-1111-111111111111' });
    runInScope(scope, () => logger.info('hello'));
    const line = JSON.parse(lines[0]);
    expect(line).toMatchObject({ reqId: 'req-1', tenantId: '11111111-1111-1111-1111-111111111111', service: 'test', msg: 'hello' });
  });
});

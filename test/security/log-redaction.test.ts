// What the logger never writes: tracking codes (header or field), bearer tokens, NIKs, account numbers.
import { Writable } from 'node:stream';
import { createLogger } from '../../logger';

function written(log: (logger: ReturnType<typeof createLogger>) => void): string {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  log(createLogger('info', 'test', sink));
  return lines.join('');
}

describe('the logger', () => {
  it('removes the tracking code, the token, the NIK and the account number, and keeps the rest', () => {
    const out = written((logger) =>
      logger.info(
        {
          req: {
            method: 'GET',
            headers: { 'x-tracking-code': 'R2D48ETR6NBX', authorization: 'Bearer abc.def' },
          },
          claim: { trackingCode: 'Q7W9E2R4T6Y8', nik: '3171010101800003', accountNumber: '2234567890' },
          claimNumber: 'JKK-20261201-7KWYFZU3',
        },
        'tracked',
      ),
    );
    expect(out).toContain('JKK-20261201-7KWYFZU3');
    expect(out).toContain('"method":"GET"');
    for (const secret of ['R2D48ETR6NBX', 'Q7W9E2R4T6Y8', 'abc.def', '3171010101800003', '2234567890'])
      expect(out).not.toContain(secret);
  });
});

/** The sweeper's timing and failure handling, with a fake store and no real timers to wait for. */
import { expect } from 'chai';
import pino from 'pino';
import { StateSweeper } from '../../storage/StateSweeper';

describe('StateSweeper', () => {
  const logger = pino({ level: 'silent' });

  it('asks the store to remove state idle for longer than the TTL', async () => {
    const cutoffs: Date[] = [];
    const removeIdle = async (cutoff: Date) => {
      cutoffs.push(cutoff);
      return 2;
    };
    const sweeper = new StateSweeper({ removeIdle }, 72 * 3_600_000, logger, 60_000, () => Date.parse('2026-11-10T12:00:00Z'));
    expect(await sweeper.sweep()).to.equal(2);
    expect(cutoffs.map((cutoff) => cutoff.toISOString())).to.deep.equal(['2026-11-07T12:00:00.000Z']);
  });

  it('logs a failing pass instead of throwing, and shares a pass in progress', async () => {
    let calls = 0;
    const sweeper = new StateSweeper(
      {
        removeIdle: async () => {
          calls += 1;
          throw new Error('EACCES');
        },
      },
      3_600_000,
      logger,
    );
    const [a, b] = await Promise.all([sweeper.sweep(), sweeper.sweep()]);
    expect([a, b, calls]).to.deep.equal([0, 0, 1]);
  });

  it('sweeps on start, does not keep the process alive, and stops waiting for the pass in flight', async () => {
    let finished = false;
    const sweeper = new StateSweeper(
      {
        removeIdle: () =>
          new Promise((resolve) =>
            setTimeout(() => {
              finished = true;
              resolve(0);
            }, 20),
          ),
      },
      3_600_000,
      logger,
    );
    sweeper.start();
    const timer = (sweeper as unknown as { timer: NodeJS.Timeout }).timer;
    expect(timer.hasRef()).to.equal(false);
    await sweeper.stop();
    expect(finished).to.equal(true);
  });
});

// Public submissions take at most half the connections, and a long queue is refused.
import { describe, expect, it } from 'vitest';
import type { AppContext } from '../context';
import { publicAdmission } from './admission';

const serverContext = (databasePoolSize: number) =>
  ({ database: { kind: 'postgres' }, config: { databasePoolSize } }) as unknown as AppContext;

describe('admission of public submissions', () => {
  it('runs at most half the pool at once and refuses with 429 past the queue', async () => {
    const admission = publicAdmission(serverContext(8));
    let running = 0;
    let most = 0;
    const gates: (() => void)[] = [];
    const work = () =>
      new Promise<void>((resolve) => {
        running++;
        most = Math.max(most, running);
        gates.push(() => {
          running--;
          resolve();
        });
      });
    const accepted = Array.from({ length: 4 + 80 }, () => admission.run(work));
    await new Promise((r) => setTimeout(r, 10));
    expect(running).toBe(4);
    await expect(admission.run(work)).rejects.toMatchObject({ statusCode: 429, code: 'busy' });
    while (gates.length) {
      gates.shift()!();
      await new Promise((r) => setTimeout(r, 0));
    }
    await Promise.all(accepted);
    expect(most).toBe(4);
  });
});

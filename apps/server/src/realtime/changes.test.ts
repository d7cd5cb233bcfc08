import { afterEach, describe, expect, it } from 'vitest';
import { submitCallback } from '../test/callbacks';
import { openQueueScreen, type OpenQueueScreen } from '../test/changes';
import { createUser } from '../test/factories';
import { useTestDatabaseHandle } from '../test/test-database';
import { publishChange } from './changes';

const database = useTestDatabaseHandle();
const db = () => database().db;

let screens: OpenQueueScreen[] = [];
afterEach(async () => {
  await Promise.all(screens.map((screen) => screen.close()));
  screens = [];
});

async function adviserWatchingTheQueue(): Promise<OpenQueueScreen> {
  const screen = await openQueueScreen(database(), await createUser(db()));
  screens.push(screen);
  return screen;
}

describe('callbacks.onChange', () => {
  it("tells an adviser's open queue about a request the moment it is made", async () => {
    const screen = await adviserWatchingTheQueue();

    const request = await submitCallback(db());

    expect(await screen.nextChange()).toEqual({ topic: 'callbacks', id: request.id });
  });

  it('tells every open screen', async () => {
    const screens = [await adviserWatchingTheQueue(), await adviserWatchingTheQueue()];

    const request = await submitCallback(db());

    for (const screen of screens) expect(await screen.nextChange()).toEqual({ topic: 'callbacks', id: request.id });
  });

  it('says nothing of a change that was rolled back', async () => {
    const screen = await adviserWatchingTheQueue();
    const rolledBack = db()
      .transaction()
      .execute(async (trx) => {
        await publishChange(trx, { topic: 'callbacks', id: 'never-committed' });
        throw new Error('the change failed after announcing itself');
      });
    await expect(rolledBack).rejects.toThrow('the change failed after announcing itself');

    const request = await submitCallback(db());

    expect(await screen.nextChange()).toEqual({ topic: 'callbacks', id: request.id });
  });

  it('keeps changes to cases off the callbacks stream', async () => {
    const screen = await adviserWatchingTheQueue();
    await db()
      .transaction()
      .execute((trx) => publishChange(trx, { topic: 'cases', id: 'a-case' }));

    const request = await submitCallback(db());

    expect(await screen.nextChange()).toEqual({ topic: 'callbacks', id: request.id });
  });
});

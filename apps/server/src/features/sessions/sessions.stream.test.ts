import { afterEach, describe, expect, it } from 'vitest';
import { openQueueScreen, type OpenQueueScreen } from '../../test/changes';
import { submitCallback } from '../../test/callbacks';
import { createUser, signInAs } from '../../test/factories';
import { useTestDatabaseHandle } from '../../test/test-database';

const database = useTestDatabaseHandle({ poolSize: 8 });
const db = () => database().db;

let screen: OpenQueueScreen | undefined;
afterEach(async () => {
  await screen?.close();
  screen = undefined;
});

describe('a live event stream of a session that ends', () => {
  it('hears changes while the session lives, and nothing more once it is signed out from elsewhere', async () => {
    const adviser = await createUser(db());
    const onDesk = await signInAs(db(), adviser);
    const onLaptop = await signInAs(db(), adviser);
    screen = await openQueueScreen(database(), adviser, { sessionId: onDesk.sessionId });

    const first = await submitCallback(db());
    expect(await screen.nextChange()).toEqual({ topic: 'callbacks', id: first.id });

    await onLaptop.caller.sessions.endOthers();
    // Listening before the change arrives, as the browser is.
    const heard = expect(screen.nextChange()).rejects.toThrow('The subscription ended');
    await submitCallback(db());

    await heard;
  });

  it('stops when a manager ends the colleague\'s sessions', async () => {
    const manager = await createUser(db(), { role: 'manager' });
    const adviser = await createUser(db());
    const session = await signInAs(db(), adviser);
    screen = await openQueueScreen(database(), adviser, { sessionId: session.sessionId });
    const { caller } = await signInAs(db(), manager);

    await caller.users.endSessions({ id: adviser.id });
    const heard = expect(screen.nextChange()).rejects.toThrow('The subscription ended');
    await submitCallback(db());

    await heard;
  });
});

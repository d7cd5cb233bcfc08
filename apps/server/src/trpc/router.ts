import { authRouter } from '../features/auth/auth.router';
import { usersRouter } from '../features/users/users.router';
import { createCallerFactory, router } from './init';

export const appRouter = router({
  auth: authRouter,
  users: usersRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);

import { staffActor } from '../../actor';
import { requirePermission, router } from '../../trpc/init';
import { myWork } from './worklist.service';

export const worklistRouter = router({
  // Everyone on shift has their own work; it lists only what is theirs.
  mine: requirePermission('cases:read').query(({ ctx }) => myWork(ctx.db, staffActor(ctx), ctx.now())),
});

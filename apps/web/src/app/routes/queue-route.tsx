import { QueuePage } from '../../features/callbacks/queue-page';
import { useSignedInUser } from '../use-signed-in-user';
import { RequirePermission } from './require-permission';

export default function QueueRoute() {
  const user = useSignedInUser();
  return (
    <RequirePermission permission="callbacks:work">
      <QueuePage user={user} />
    </RequirePermission>
  );
}

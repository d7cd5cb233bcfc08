import { StaffPage } from '../../features/users/staff-page';
import { useSignedInUser } from '../use-signed-in-user';
import { RequirePermission } from './require-permission';

export default function StaffRoute() {
  const user = useSignedInUser();
  return (
    <RequirePermission permission="users:manage">
      <StaffPage currentUserId={user.id} />
    </RequirePermission>
  );
}

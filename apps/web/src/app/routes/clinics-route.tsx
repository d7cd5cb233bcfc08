import { can } from '@harbour/shared/permissions';
import { ClinicsPage } from '../../features/clinics/clinics-page';
import { useSignedInUser } from '../use-signed-in-user';
import { RequirePermission } from './require-permission';

export default function ClinicsRoute() {
  const user = useSignedInUser();
  return (
    <RequirePermission permission="cases:read">
      <ClinicsPage canManage={can(user.role, 'clinics:manage')} />
    </RequirePermission>
  );
}

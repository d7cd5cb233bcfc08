import { can } from '@harbour/shared/permissions';
import { useLocation, useNavigate, useParams } from 'react-router';
import { ClinicPage } from '../../features/clinics/clinic-page';
import { NewClinicPage } from '../../features/clinics/new-clinic-page';
import { useSignedInUser } from '../use-signed-in-user';
import { RequirePermission } from './require-permission';

/** `/clinics/new` is the add form (managers only); any other id is that clinic's page. */
export default function ClinicRoute() {
  const { id = '' } = useParams();
  const user = useSignedInUser();
  const navigate = useNavigate();
  const { state } = useLocation();
  if (id === 'new') {
    return (
      <RequirePermission permission="clinics:manage">
        <NewClinicPage
          onAdded={(clinicId) => void navigate(`/clinics/${clinicId}`, { state: { isJustAdded: true } })}
          onCancel={() => void navigate('/clinics')}
        />
      </RequirePermission>
    );
  }
  return (
    <RequirePermission permission="cases:read">
      <ClinicPage key={id} id={id} canManage={can(user.role, 'clinics:manage')} isJustAdded={(state as { isJustAdded?: boolean } | null)?.isJustAdded === true} />
    </RequirePermission>
  );
}

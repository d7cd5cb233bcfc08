import { can } from '@harbour/shared/permissions';
import { useNavigate, useParams } from 'react-router';
import { NewClinicPage } from '../../features/clinics/new-clinic-page';
import { ClinicPage } from '../../features/clinics/clinic-page';
import { useSignedInUser } from '../use-signed-in-user';
import { RequirePermission } from './require-permission';

export default function ClinicRoute() {
  const { id = '' } = useParams();
  const user = useSignedInUser();
  const navigate = useNavigate();
  if (id === 'new') {
    return (
      <RequirePermission permission="clinics:manage">
        <NewClinicPage onAdded={(clinicId) => void navigate(`/clinics/${clinicId}`)} onCancel={() => void navigate('/clinics')} />
      </RequirePermission>
    );
  }
  return (
    <RequirePermission permission="cases:read">
      <ClinicPage key={id} id={id} canManage={can(user.role, 'clinics:manage')} />
    </RequirePermission>
  );
}

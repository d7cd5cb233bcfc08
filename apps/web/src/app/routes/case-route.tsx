import { useParams } from 'react-router';
import { CasePage } from '../../features/cases/case-page';
import { useSignedInUser } from '../use-signed-in-user';
import { RequirePermission } from './require-permission';

export default function CaseRoute() {
  const { reference = '' } = useParams();
  const user = useSignedInUser();
  return (
    <RequirePermission permission="cases:read">
      <CasePage key={reference} reference={reference} user={user} />
    </RequirePermission>
  );
}

import { useParams } from 'react-router';
import { CasePage } from '../../features/cases/case-page';
import { RequirePermission } from './require-permission';

export default function CaseRoute() {
  const { reference = '' } = useParams();
  return (
    <RequirePermission permission="cases:read">
      <CasePage key={reference} reference={reference} />
    </RequirePermission>
  );
}

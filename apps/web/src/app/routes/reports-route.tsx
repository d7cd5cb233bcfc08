import { can } from '@harbour/shared/permissions';
import { PlacementReportPage } from '../../features/reports/placement-report-page';
import { useSignedInUser } from '../use-signed-in-user';
import { RequirePermission } from './require-permission';

export default function ReportsRoute() {
  const user = useSignedInUser();
  return (
    <RequirePermission permission="reports:read">
      <PlacementReportPage canExport={can(user.role, 'reports:export')} />
    </RequirePermission>
  );
}

import { ShiftDashboardPage } from '../../features/reports/shift-dashboard-page';
import { RequirePermission } from './require-permission';

export default function ShiftDashboardRoute() {
  return (
    <RequirePermission permission="reports:read">
      <ShiftDashboardPage />
    </RequirePermission>
  );
}

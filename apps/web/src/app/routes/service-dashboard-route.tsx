import { ServiceDashboardPage } from '../../features/reports/service-dashboard-page';
import { RequirePermission } from './require-permission';

export default function ServiceDashboardRoute() {
  return (
    <RequirePermission permission="reports:read">
      <ServiceDashboardPage />
    </RequirePermission>
  );
}

import { CheckInsPage } from '../../features/cases/aftercare/check-ins-page';
import { RequirePermission } from './require-permission';

export default function CheckInsRoute() {
  return (
    <RequirePermission permission="cases:read">
      <CheckInsPage />
    </RequirePermission>
  );
}

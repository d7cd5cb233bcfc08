import { PrivacyPage } from '../../features/privacy/privacy-page';
import { RequirePermission } from './require-permission';

export default function PrivacyRoute() {
  return (
    <RequirePermission permission="privacy:manage">
      <PrivacyPage />
    </RequirePermission>
  );
}

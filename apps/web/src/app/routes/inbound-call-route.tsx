import { InboundCallPage } from '../../features/cases/inbound-call-page';
import { RequirePermission } from './require-permission';

export default function InboundCallRoute() {
  return (
    <RequirePermission permission="cases:open">
      <InboundCallPage />
    </RequirePermission>
  );
}

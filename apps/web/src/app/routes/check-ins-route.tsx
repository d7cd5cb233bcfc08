import { CheckInsPage } from '../../features/cases/aftercare/check-ins-page';
import { RiskBadge } from '../../features/cases/case-badges';
import { RequirePermission } from './require-permission';

export default function CheckInsRoute() {
  return (
    <RequirePermission permission="cases:read">
      <CheckInsPage renderRisk={(level) => <RiskBadge level={level} isLabelled={false} />} />
    </RequirePermission>
  );
}

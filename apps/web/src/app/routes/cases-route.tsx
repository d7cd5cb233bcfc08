import { CaseListPage } from '../../features/cases/case-list-page';
import { RequirePermission } from './require-permission';

export default function CasesRoute() {
  return (
    <RequirePermission permission="cases:read">
      <CaseListPage />
    </RequirePermission>
  );
}

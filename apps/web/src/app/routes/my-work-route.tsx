import { MyWorkPage } from '../../features/cases/my-work/my-work-page';
import { RequirePermission } from './require-permission';

export default function MyWorkRoute() {
  return (
    <RequirePermission permission="cases:read">
      <MyWorkPage />
    </RequirePermission>
  );
}

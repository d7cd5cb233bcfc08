import { MetricsPage } from '../../features/pipeline/metrics-page';
import { RequirePermission } from './require-permission';

export default function PipelineMetricsRoute() {
  return (
    <RequirePermission permission="cases:supervise">
      <MetricsPage />
    </RequirePermission>
  );
}

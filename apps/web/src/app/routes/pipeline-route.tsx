import { PipelinePage } from '../../features/pipeline/pipeline-page';
import { RequirePermission } from './require-permission';

export default function PipelineRoute() {
  return (
    <RequirePermission permission="cases:supervise">
      <PipelinePage />
    </RequirePermission>
  );
}

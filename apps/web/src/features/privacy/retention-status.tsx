import { formatDate, formatDateTime } from '@harbour/shared/format';
import { useQuery } from '@tanstack/react-query';
import { messageOf, useTRPC } from '../../lib/trpc';

/** When the daily retention job last ran and what it did, counts only. */
export function RetentionStatus() {
  const trpc = useTRPC();
  const status = useQuery(trpc.privacy.retentionStatus.queryOptions());
  let text: string;
  if (status.isPending) text = 'Reading when the retention job last ran…';
  else if (status.isError) text = `Could not read the retention job's last run: ${messageOf(status.error)}`;
  else if (!status.data.lastRun) text = 'The retention job has not run yet. It runs a few minutes after Harbour starts, then daily.';
  else {
    const run = status.data.lastRun;
    const cases = `${run.casesAnonymised} ${run.casesAnonymised === 1 ? 'case' : 'cases'}`;
    const requests = `${run.requestsAnonymised} callback ${run.requestsAnonymised === 1 ? 'request' : 'requests'}`;
    text = `Retention job last ran ${formatDateTime(run.ranAt)}: anonymised ${cases} closed before ${formatDate(run.closedBefore)} and ${requests}.`;
  }
  return (
    <section className="panel no-print" aria-labelledby="retention-heading">
      <h2 id="retention-heading">Retention</h2>
      <p role="status">{text}</p>
    </section>
  );
}

import { formatDateTime } from '@harbour/shared/format';
import { bedsOf, type Clinic } from './clinic-words';

/**
 * "3 of 20 free (confirmed 2 hours ago by Amira Shah)", the same on the list and the clinic's
 * page. A count nobody has checked for over a week is called out: the adviser should ring first.
 */
export function BedsStatus({ clinic, now }: { clinic: Clinic; now: Date }) {
  const beds = bedsOf(clinic, now);
  if (clinic.bedsTotal === 0) return <>{beds.count}</>;
  const { confirmed } = beds;
  return (
    <>
      {beds.count}{' '}
      <span className={beds.isStale ? 'text-danger' : 'muted'}>
        (
        {confirmed ? (
          <>
            confirmed{' '}
            <time dateTime={confirmed.at.toISOString()} title={formatDateTime(confirmed.at)}>
              {confirmed.ago}
            </time>
            {confirmed.by && ` by ${confirmed.by}`}
          </>
        ) : (
          'never confirmed'
        )}
        {beds.isStale && (confirmed ? ': over a week old, ring to check' : ': ring to check')})
      </span>
    </>
  );
}

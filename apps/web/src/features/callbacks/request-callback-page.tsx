import { formatDate, formatWhen } from '@harbour/shared/format';
import { FUNDING_DISCLOSURE, HELPLINE_PHONE } from '@harbour/shared/helpline';
import { useEffect, useRef, useState } from 'react';
import { CrisisPanel } from '../../components/crisis-panel';
import { Button } from '../../components/ui/button';
import { RequestCallbackForm, type RequestReceipt } from './request-callback-form';

function whenText(dueBy: Date): string {
  const now = new Date();
  const when = formatWhen(dueBy, now);
  return formatDate(dueBy) === formatDate(now) ? `${when} today` : when;
}

export function RequestCallbackPage() {
  const [receipt, setReceipt] = useState<RequestReceipt | null>(null);
  const [formKey, setFormKey] = useState(0);
  const confirmationRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    document.title = receipt ? 'Request received – Harbour Referrals' : 'Request a callback – Harbour Referrals';
    if (receipt) confirmationRef.current?.focus();
  }, [receipt]);

  return (
    <div className="public">
      <header className="public__header">
        <span className="public__brand">Harbour Referrals</span>
        <a className="public__phone" href={`tel:${HELPLINE_PHONE.replace(/\s/g, '')}`}>
          Call free, day or night: {HELPLINE_PHONE}
        </a>
      </header>
      <main id="main" className="public__main">
        {receipt ? (
          <section aria-labelledby="received-heading">
            <h1 id="received-heading" tabIndex={-1} ref={confirmationRef}>
              We have your request
            </h1>
            <p className="public__reference">
              Your reference is <strong>{receipt.reference}</strong>
            </p>
            <h2>What happens next</h2>
            <p>
              An adviser will call you {receipt.isUrgent || receipt.bestTimeKind === 'asap' ? 'by' : 'from'}{' '}
              <strong>{whenText(receipt.dueBy)}</strong> (UK time). The call will come from a withheld number. If we
              miss you we will try again.
            </p>
            {receipt.isUrgent && (
              <CrisisPanel audience="public">
                <p>
                  <strong>We are treating this as urgent.</strong> Do not wait for our call if anyone is in danger now.
                </p>
              </CrisisPanel>
            )}
            <p>
              If you would rather not wait, call us on <a href={`tel:${HELPLINE_PHONE.replace(/\s/g, '')}`}>{HELPLINE_PHONE}</a> and
              give your reference.
            </p>
            <Button
              variant="secondary"
              onClick={() => {
                setReceipt(null);
                setFormKey((key) => key + 1);
              }}
            >
              Make another request
            </Button>
          </section>
        ) : (
          <>
            <h1>Ask us to call you back</h1>
            <p className="public__lead">
              Free, confidential advice about drug, alcohol and gambling addiction, for you or someone you care about. An adviser
              will call you back, usually within the hour.
            </p>
            <p className="public__funding">{FUNDING_DISCLOSURE}</p>
            <RequestCallbackForm key={formKey} onSent={setReceipt} />
            <p className="public__privacy">
              What you tell us is confidential. We use it only to help you find treatment, and keep it no longer than we need to.
            </p>
          </>
        )}
      </main>
    </div>
  );
}

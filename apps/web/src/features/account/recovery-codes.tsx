import { useEffect, useRef, useState } from 'react';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';

interface RecoveryCodesProps {
  codes: string[];
  onDone: () => void;
  doneLabel: string;
}

function asText(codes: string[]): string {
  return [
    'Harbour recovery codes',
    'Each code signs you in once instead of a code from your app. Keep them somewhere safe, away from your phone.',
    '',
    ...codes,
    '',
  ].join('\n');
}

/** The only time the codes are shown: Harbour keeps only their hashes. */
export function RecoveryCodes({ codes, onDone, doneLabel }: RecoveryCodesProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [copied, setCopied] = useState<string | null>(null);

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  const download = () => {
    const url = URL.createObjectURL(new Blob([asText(codes)], { type: 'text/plain;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = 'harbour-recovery-codes.txt';
    link.click();
    URL.revokeObjectURL(url);
  };

  return (
    <section className="recovery-codes" aria-labelledby="recovery-codes-heading">
      <h3 id="recovery-codes-heading" ref={headingRef} tabIndex={-1}>
        Your recovery codes
      </h3>
      <Alert tone="info">
        Save these ten codes now: this is the only time Harbour shows them. If you lose your phone, each code signs you in once
        instead of a code from your app.
      </Alert>
      <ol className="recovery-codes__list" aria-label="Recovery codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <div className="button-row">
        <Button
          variant="secondary"
          onClick={() => {
            navigator.clipboard.writeText(asText(codes)).then(
              () => setCopied('Codes copied.'),
              () => setCopied('Your browser would not copy them: download or print them instead.'),
            );
          }}
        >
          Copy codes
        </Button>
        <Button variant="secondary" onClick={download}>
          Download as text
        </Button>
        <Button variant="secondary" onClick={() => window.print()}>
          Print
        </Button>
        <Button onClick={onDone}>{doneLabel}</Button>
      </div>
      {copied && <p role="status">{copied}</p>}
    </section>
  );
}

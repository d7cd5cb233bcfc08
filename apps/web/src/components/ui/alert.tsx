import type { ReactNode, Ref } from 'react';

interface AlertProps {
  tone: 'error' | 'success' | 'info';
  title?: string;
  children: ReactNode;
  ref?: Ref<HTMLDivElement>;
}

/** Errors interrupt a screen reader (role=alert); good news and notices wait their turn. */
export function Alert({ tone, title, children, ref }: AlertProps) {
  return (
    <div ref={ref} className={`alert alert--${tone}`} role={tone === 'error' ? 'alert' : 'status'} tabIndex={-1}>
      {title && <p className="alert__title">{title}</p>}
      <div>{children}</div>
    </div>
  );
}

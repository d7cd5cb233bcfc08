import { useEffect, useRef, type ReactNode, type Ref } from 'react';

interface AlertProps {
  tone: 'error' | 'success' | 'info';
  title?: string;
  children: ReactNode;
  ref?: Ref<HTMLDivElement>;
  /** Takes focus when it appears: the outcome of an action whose button has gone or moved. */
  isFocusedOnShow?: boolean;
}

/** Errors interrupt a screen reader (role=alert); good news and notices wait their turn. */
export function Alert({ tone, title, children, ref, isFocusedOnShow = false }: AlertProps) {
  const ownRef = useRef<HTMLDivElement | null>(null);
  useEffect(() => {
    if (isFocusedOnShow) ownRef.current?.focus();
  }, [isFocusedOnShow]);
  return (
    <div
      ref={(node) => {
        ownRef.current = node;
        if (typeof ref === 'function') ref(node);
        else if (ref) ref.current = node;
      }}
      className={`alert alert--${tone}`}
      role={tone === 'error' ? 'alert' : 'status'}
      tabIndex={-1}
    >
      {title && <p className="alert__title">{title}</p>}
      <div>{children}</div>
    </div>
  );
}

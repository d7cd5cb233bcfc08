import type { ReactNode } from 'react';

/** One chart or table of a dashboard, under its own heading, with a line saying what it counts. */
export function DashboardSection({ id, title, lead, isWide = false, children }: { id: string; title: string; lead: string; isWide?: boolean; children: ReactNode }) {
  return (
    <section className={isWide ? 'metrics-section metrics-section--wide' : 'metrics-section'} aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <p className="metrics-section__lead">{lead}</p>
      {children}
    </section>
  );
}

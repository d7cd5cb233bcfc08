import { NavLink } from 'react-router';

const tabs = [
  { to: '/reports', label: 'Placement report' },
  { to: '/reports/service', label: 'Service dashboard' },
  { to: '/reports/shift', label: 'Shift dashboard' },
];

/** The three report pages, one a link away from each other. */
export function ReportsTabs() {
  return (
    <nav className="report-tabs" aria-label="Reports">
      {tabs.map((tab) => (
        <NavLink key={tab.to} to={tab.to} end className="report-tabs__link">
          {tab.label}
        </NavLink>
      ))}
    </nav>
  );
}

import type { Role } from '@harbour/shared/roles';
import type { FakeServer } from '../../../test/fake-server';
import { renderWithProviders } from '../../../test/render-with-providers';
import { PlacementSection } from './placement-section';
import type { CaseRecord } from './placement-words';

/** The section as the case page shows it, for the user `user-1` with `role`. */
export function renderSection(server: FakeServer, record: CaseRecord, role: Role = 'adviser') {
  return renderWithProviders(server, <PlacementSection record={record} user={{ id: 'user-1', role }} />);
}

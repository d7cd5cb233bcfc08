import { useParams } from 'react-router';
import { CallbackPage } from '../../features/callbacks/callback-page';
import { PreviousContacts } from '../../features/cases/previous-contacts';
import { useSignedInUser } from '../use-signed-in-user';
import { RequirePermission } from './require-permission';

export default function CallbackRoute() {
  const user = useSignedInUser();
  const { id = '' } = useParams();
  return (
    <RequirePermission permission="callbacks:work">
      <CallbackPage
        key={id}
        id={id}
        user={user}
        renderPreviousContacts={(contacts, onLink, isBusy) => (
          <PreviousContacts contacts={contacts} onLink={onLink} isBusy={isBusy} linkLabel="Link to this case" />
        )}
      />
    </RequirePermission>
  );
}

import { AccountPage } from '../../features/account/account-page';
import { useSignedInUser } from '../use-signed-in-user';

export default function AccountRoute() {
  return <AccountPage user={useSignedInUser()} />;
}

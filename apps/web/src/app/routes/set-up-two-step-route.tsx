import { SetUpTwoStepPage } from '../../features/account/set-up-two-step-page';
import { SignOutButton } from '../../features/auth/sign-out-button';

export default function SetUpTwoStepRoute({ fullName }: { fullName: string }) {
  return <SetUpTwoStepPage fullName={fullName} signOut={<SignOutButton />} />;
}

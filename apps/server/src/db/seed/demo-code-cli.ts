import { base32Decode, codeAt, groupedKey, otpauthUri, STEP_SECONDS } from '../../features/mfa/totp';
import { DEMO_MANAGER_EMAIL, DEMO_MANAGER_TOTP_KEY } from './demo-two-step';

// `pnpm demo:code`: the demo manager's current sign-in code, worked out from the demo key.
const key = base32Decode(DEMO_MANAGER_TOTP_KEY);
const now = new Date();
const secondsLeft = STEP_SECONDS - (Math.floor(now.getTime() / 1000) % STEP_SECONDS);
console.log(`Code for ${DEMO_MANAGER_EMAIL}: ${codeAt(key, now)} (changes in ${secondsLeft} s)`);
console.log('');
console.log('To use an authenticator app instead, add this key by hand (time-based, 6 digits, 30 seconds):');
console.log(`  ${groupedKey(key)}`);
console.log(`or open this link on the phone: ${otpauthUri(key, DEMO_MANAGER_EMAIL)}`);

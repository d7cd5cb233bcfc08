// The demo manager has two-step sign-in on, as every manager must, with a key written here so
// anyone trying Harbour can make its codes: `pnpm demo:code`, or add the key to an
// authenticator app. Only demo data uses it; real keys are random and sealed.
export const DEMO_MANAGER_EMAIL = 'manager@harbour.test';
export const DEMO_MANAGER_TOTP_KEY = 'HARBOURDEMOMANAGERTWOSTEPKEY2345';

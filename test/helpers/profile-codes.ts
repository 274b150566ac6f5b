/** The diagnostic codes of profiles, the config and the lock, each proven by test/profile-diagnostics.test.ts. */
export const PROFILE_CODES: readonly string[] = [
  'profile-name-mismatch',
  'duplicate-header',
  'duplicate-profile',
  'unknown-schema',
  'unknown-version',
  'private-schema',
  'unknown-key',
  'missing-key',
  'unknown-profile',
  'locked-version-changed',
  'wrong-type',
];

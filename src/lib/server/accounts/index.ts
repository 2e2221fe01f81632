export { createAuth, MIN_PASSWORD_LENGTH, type Auth } from './auth.ts';
export { signUp } from './sign-up.ts';
export { signIn } from './sign-in.ts';
export { createToken, listTokens, revokeToken, findAccountByToken } from './tokens.ts';
export { viewerOf } from './viewer.ts';
export { consumeAttempt } from './rate-limit.ts';
export * from './schemas.ts';
export { findSignedInAccount } from './who.ts';

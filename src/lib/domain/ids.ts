import { randomBytes } from 'node:crypto';

/** Short, random, URL-safe ids (DESIGN §5): 12 random bytes make 16 base64url characters. */
export const newId = (): string => randomBytes(12).toString('base64url');

/** A secret for a link or a token: 32 random bytes. */
export const newSecret = (): string => randomBytes(32).toString('base64url');

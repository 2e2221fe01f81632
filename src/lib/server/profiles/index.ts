export { createProfile } from './create-profile.ts';
export { findProfileByAccount, findProfileByHandle, isHandleTaken, type ProfileRow } from './queries.ts';

export * from './accounts.ts';
export * from './profiles.ts';
export * from './communities.ts';
export * from './admin.ts';
export * from './notes.ts';
export * from './notebooks.ts';
export * from './knowledge-bases.ts';
export * from './search.ts';

export { searchCommons } from './search-commons.ts';
export { suggestSearch } from './suggest.ts';
export { visibleNoteSearchFilter } from './visibility-filter.ts';
export * from './schemas.ts';
export { watchSearchCache, clearSearchCache } from './result-cache.ts';
export { keepCommonWords, startKeepingCommonWords } from './common-words.ts';

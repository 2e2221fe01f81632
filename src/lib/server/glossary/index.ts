// The glossary (lexicon terms, A–Z) and the directory (organisations): read-only views of the notes of those two
// types, through the notes' visibility filter (DESIGN §2 "glossary/directory (note types)", §6).
export { listGlossary, GLOSSARY_MAX_TERMS, type GlossaryItem } from './list-glossary.ts';
export { listDirectory, listDirectoryFacets, type DirectoryItem, type DirectoryFacets } from './list-directory.ts';
export {
	presentFacetOptions,
	presentGlossaryPage,
	presentGlossaryTerm,
	presentOrganization,
	presentOrganizationCard,
	safeWebsite,
	type OrganizationCard
} from './present.ts';
export * from './schemas.ts';

export { createKnowledgeBase } from './create-knowledge-base.ts';
export { getKnowledgeBase, type KnowledgeBaseView } from './get-knowledge-base.ts';
export { addKnowledgeBaseNotebook, removeKnowledgeBaseNotebook, findNotebooksToAdd } from './notebooks.ts';
export { searchKnowledgeBase, type KnowledgeBaseNoteItem } from './search-knowledge-base.ts';
export { listKnowledgeBases } from './list-knowledge-bases.ts';
export { findKnowledgeBaseWithFacts } from './queries.ts';
export { visibleKnowledgeBaseFilter } from './visibility-filter.ts';
export { presentKnowledgeBase, presentKnowledgeBaseNote } from './present.ts';
export * from './schemas.ts';

export { importMarkdown, type ImportOptions, type ImportReport } from './import-markdown.ts';
export { exportNotebookFiles, exportNotebookMarkdown, loadNotebookForExport } from './export-notebook-markdown.ts';
export { exportNotebookHtml } from './export-notebook-html.ts';
export {
	exportKnowledgeBaseFiles,
	exportKnowledgeBaseMarkdown,
	KNOWLEDGE_BASE_MANIFEST_PATH,
	type KnowledgeBaseManifest
} from './export-knowledge-base-markdown.ts';
export { exportKnowledgeBaseHtml } from './export-knowledge-base-html.ts';
export { parseMarkdownFile, isSkipped, type ParsedFile, type SkippedFile } from './parse-markdown-file.ts';
export { readZip, readFolder, readSource, type SourceFile, MAX_IMPORT_BYTES } from './read-sources.ts';
export { FrontMatter } from './front-matter.ts';
export { NotebookManifest, MANIFEST_PATH } from './notebook-manifest.ts';
export { importIntoNotebook } from './import-into-notebook.ts';
export { ImportQuery, ImportReportJson } from './schemas.ts';

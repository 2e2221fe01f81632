import { z } from 'zod';

export const ImportQuery = z.object({
	notebook: z.string().trim().min(1).max(200).optional().describe('Title of a notebook the caller manages (started, private, if none)'),
	notebookId: z.string().min(1).max(64).optional().describe('Id of a notebook the caller contributes to')
});

const Imported = z.object({ file: z.string(), id: z.string(), title: z.string() });
export const ImportReportJson = z
	.object({
		created: z.array(Imported).describe('New notes'),
		updated: z.array(Imported).describe('Notes whose id existed and that the caller may edit: each got a new revision'),
		skipped: z
			.array(
				z.object({
					file: z.string(),
					code: z
						.string()
						.describe('not_utf8, too_large, yaml, front_matter, empty, duplicate_id, id_taken, community_unknown, not_allowed, invalid'),
					detail: z.string()
				})
			)
			.describe('Files not imported, with the reason'),
		warnings: z.array(z.object({ file: z.string(), detail: z.string() })).describe('Imported, with something left out'),
		notebooks: z.array(z.object({ id: z.string(), title: z.string(), created: z.boolean() }))
	})
	.meta({ id: 'ImportReport', description: 'What an import did, file by file' });

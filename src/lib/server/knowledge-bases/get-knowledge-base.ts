import { canManageKnowledgeBase, canViewKnowledgeBase, seesOnlyAsAdmin } from '../../domain/visibility.ts';
import type { Viewer } from '../../domain/viewer.ts';
import { logAdminView } from '../admin/index.ts';
import { findCommunitySummary } from '../communities/index.ts';
import type { Db } from '../db/index.ts';
import { knowledgeBaseFor } from './access.ts';
import { countKnowledgeBaseNotes, listKnowledgeBaseNotebooks } from './queries.ts';

/**
 * A knowledge base as this viewer may see it: only the notebooks they may see, each with the count of its notes they
 * may see, and the count of distinct such notes. NotFoundError if they may not see it.
 */
export async function getKnowledgeBase(db: Db, viewer: Viewer, id: string) {
	const { row, facts } = await knowledgeBaseFor(db, viewer, id, 'view');
	if (seesOnlyAsAdmin(viewer, (v) => canViewKnowledgeBase(v, facts))) await logAdminView(db, viewer, 'knowledge-base', id);
	const [notebooks, noteCount, community] = await Promise.all([
		listKnowledgeBaseNotebooks(db, viewer, id),
		countKnowledgeBaseNotes(db, viewer, id),
		row.communityId ? findCommunitySummary(db, row.communityId) : undefined
	]);
	return { knowledgeBase: row, community: community ?? null, notebooks, noteCount, canManage: canManageKnowledgeBase(viewer, facts) };
}

export type KnowledgeBaseView = Awaited<ReturnType<typeof getKnowledgeBase>>;

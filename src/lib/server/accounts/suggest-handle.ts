import { HANDLE_PATTERN, isReservedHandle, suggestHandle } from '../../domain/handles.ts';
import type { Db } from '../db/index.ts';
import { isHandleTaken } from '../profiles/index.ts';

const usable = async (db: Db, handle: string) =>
	HANDLE_PATTERN.test(handle) && !isReservedHandle(handle) && !(await isHandleTaken(db, handle));

/**
 * A free handle derived from a display name or an email ("Marie-Soleil" → "marie-soleil", then "marie-soleil-2"…).
 * Anyone may call it; it only proposes: the caller still signs up with it, which re-checks the handle.
 */
export async function suggestFreeHandle(db: Db, source: string): Promise<string> {
	const base = suggestHandle(source);
	if (await usable(db, base)) return base;
	// Reserved words ("admin") and common names need a suffix; keep the result within 30 characters.
	const stem = base.slice(0, 27).replace(/[-_]+$/, '');
	for (let n = 2; n <= 9; n++) {
		const candidate = `${stem}-${n}`;
		if (await usable(db, candidate)) return candidate;
	}
	return `${stem.slice(0, 24)}-${Math.random().toString(36).slice(2, 7)}`;
}

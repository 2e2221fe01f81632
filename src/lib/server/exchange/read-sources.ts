// Where an import's files come from: a zip (browser upload, API, CLI) or a folder (CLI), read recursively. Paths are
// kept relative, with "/" separators, since they are what the report names.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { unzipSync } from 'fflate';
import { ValidationError } from '../../domain/errors.ts';

export interface SourceFile {
	path: string;
	bytes: Uint8Array;
}

/** Bounds an archive before it is inflated: a small zip may expand to gigabytes. */
export const MAX_IMPORT_FILES = 5000;
export const MAX_IMPORT_BYTES = 100 * 1024 * 1024;

// Obsidian's settings, macOS resource forks and other hidden files are never notes; `.commonplace/` holds the manifest.
const wanted = (path: string) =>
	/\.(md|markdown)$/i.test(path) || path.endsWith('.commonplace/notebook.json')
		? !path
				.split('/')
				.some((part, i, all) => (part.startsWith('.') && !(part === '.commonplace' && i === all.length - 2)) || part === '__MACOSX')
		: false;

/** The Markdown files (and manifest) of a zip archive. ValidationError when it is not a zip or is too big. */
export function readZip(bytes: Uint8Array): SourceFile[] {
	let count = 0;
	let total = 0;
	let entries: Record<string, Uint8Array>;
	try {
		entries = unzipSync(bytes, {
			filter: (f) => {
				if (!wanted(f.name)) return false;
				count += 1;
				total += f.originalSize;
				if (count > MAX_IMPORT_FILES || total > MAX_IMPORT_BYTES)
					throw new ValidationError('archive too large', { file: ['zip_too_large'] });
				return true;
			}
		});
	} catch (e) {
		if (e instanceof ValidationError) throw e;
		throw new ValidationError('not a zip archive', { file: ['zip_invalid'] });
	}
	return Object.entries(entries)
		.map(([path, data]) => ({ path, bytes: data }))
		.sort((a, b) => a.path.localeCompare(b.path));
}

/** The Markdown files (and manifest) under a folder, recursively. */
export async function readFolder(root: string): Promise<SourceFile[]> {
	const out: SourceFile[] = [];
	let total = 0;
	for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
		if (!entry.isFile()) continue;
		const full = join(entry.parentPath, entry.name);
		const path = relative(root, full).split(sep).join('/');
		if (!wanted(path)) continue;
		total += (await stat(full)).size;
		if (out.length >= MAX_IMPORT_FILES || total > MAX_IMPORT_BYTES)
			throw new ValidationError('folder too large', { file: ['zip_too_large'] });
		out.push({ path, bytes: new Uint8Array(await readFile(full)) });
	}
	return out.sort((a, b) => a.path.localeCompare(b.path));
}

/** A path that is a zip archive (by its first bytes), else a folder. */
export async function readSource(path: string): Promise<SourceFile[]> {
	if ((await stat(path)).isDirectory()) return readFolder(path);
	return readZip(new Uint8Array(await readFile(path)));
}

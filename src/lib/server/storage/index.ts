// Stored files (avatars, attachments) by area and key. Local disk under DATA_DIR/files for now (DESIGN §3); S3-compatible
// storage via STORAGE_URL would implement the same four calls. Capabilities keep their own rows; this keeps the bytes.
import { createReadStream } from 'node:fs';
import { link, mkdir, open, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { newId } from '../../domain/ids.ts';

export type StorageArea = 'avatars' | 'attachments' | 'covers';

/** A stored file, ready to be streamed whole or in part. */
export interface StoredFile {
	size: number;
	modified: Date;
	/** The bytes from `start` to `end` inclusive (HTTP Range semantics); the whole file without arguments. */
	stream(start?: number, end?: number): ReadableStream<Uint8Array>;
}

/**
 * Keys are our own random ids, optionally with a short extension: anything else ("../", slashes, other names) is
 * refused before it reaches the file system.
 */
const KEY = /^[A-Za-z0-9_-]{16}(\.[a-z0-9]{1,5})?$/;
export const isStorageKey = (key: string): boolean => KEY.test(key);

const areaDir = (dataDir: string, area: StorageArea) => join(dataDir, 'files', area);

function pathOf(dataDir: string, area: StorageArea, key: string): string {
	if (!isStorageKey(key)) throw new Error('Not a storage key');
	return join(areaDir(dataDir, area), key);
}

/**
 * Writes the bytes under `key`, all or nothing: into a temporary file first, flushed, then linked into place, so a
 * crash or a concurrent reader never sees half a file. Refuses to replace an existing key (keys are never reused).
 */
export async function putFile(dataDir: string, area: StorageArea, key: string, bytes: Uint8Array): Promise<void> {
	const target = pathOf(dataDir, area, key);
	await mkdir(areaDir(dataDir, area), { recursive: true });
	const temp = join(areaDir(dataDir, area), `.tmp-${newId()}`);
	const handle = await open(temp, 'wx', 0o600);
	try {
		await handle.writeFile(bytes);
		await handle.sync();
	} catch (e) {
		await handle.close();
		await rm(temp, { force: true });
		throw e;
	}
	await handle.close();
	// link() fails if the target exists, where rename() would silently replace it.
	try {
		await link(temp, target);
	} finally {
		await rm(temp, { force: true });
	}
}

/** The whole file in memory (small files only, e.g. avatars); null for an unknown or malformed key. */
export async function readFileBytes(dataDir: string, area: StorageArea, key: string): Promise<Buffer | null> {
	if (!isStorageKey(key)) return null;
	try {
		return await readFile(pathOf(dataDir, area, key));
	} catch (e) {
		if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
		throw e;
	}
}

/** The file's size and a way to stream it from disk (never buffered whole); null for an unknown or malformed key. */
export async function openFile(dataDir: string, area: StorageArea, key: string): Promise<StoredFile | null> {
	if (!isStorageKey(key)) return null;
	const path = pathOf(dataDir, area, key);
	try {
		const s = await stat(path);
		if (!s.isFile()) return null;
		return {
			size: s.size,
			modified: s.mtime,
			stream: (start?: number, end?: number) =>
				Readable.toWeb(createReadStream(path, { start, end })) as unknown as ReadableStream<Uint8Array>
		};
	} catch (e) {
		if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
		throw e;
	}
}

/** Deletes the file; deleting a missing one does nothing. */
export async function deleteFile(dataDir: string, area: StorageArea, key: string): Promise<void> {
	await rm(pathOf(dataDir, area, key), { force: true });
}

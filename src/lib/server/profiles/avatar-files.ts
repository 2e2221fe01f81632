// Avatar files on local disk under DATA_DIR/files/avatars (DESIGN §3: object storage via STORAGE_URL comes later).
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { newId } from '../../domain/ids.ts';

/** Keys are our own random ids; anything else (../, slashes, other names) never reaches the file system. */
const KEY = /^[A-Za-z0-9_-]{16}$/;
export const isAvatarKey = (key: string): boolean => KEY.test(key);

const dirOf = (dataDir: string) => join(dataDir, 'files', 'avatars');
const pathOf = (dataDir: string, key: string) => {
	if (!isAvatarKey(key)) throw new Error('Not an avatar key');
	return join(dirOf(dataDir), `${key}.webp`);
};

/** Stores the bytes under a new random key: a new URL per picture lets browsers cache each one forever. */
export async function writeAvatarFile(dataDir: string, bytes: Buffer): Promise<string> {
	const key = newId();
	await mkdir(dirOf(dataDir), { recursive: true });
	await writeFile(pathOf(dataDir, key), bytes, { flag: 'wx' });
	return key;
}

export async function deleteAvatarFile(dataDir: string, key: string): Promise<void> {
	await rm(pathOf(dataDir, key), { force: true });
}

/** The stored WebP, or null for an unknown or malformed key. */
export async function readAvatarFile(dataDir: string, key: string): Promise<Buffer | null> {
	if (!isAvatarKey(key)) return null;
	try {
		return await readFile(pathOf(dataDir, key));
	} catch (e) {
		if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
		throw e;
	}
}

// Avatar files in the shared file store (storage/), as DATA_DIR/files/avatars/{key}.webp.
import { newId } from '../../domain/ids.ts';
import { deleteFile, putFile, readFileBytes } from '../storage/index.ts';

/** Keys are our own random ids; anything else (../, slashes, other names) never reaches the file system. */
const KEY = /^[A-Za-z0-9_-]{16}$/;
export const isAvatarKey = (key: string): boolean => KEY.test(key);

const fileOf = (key: string) => {
	if (!isAvatarKey(key)) throw new Error('Not an avatar key');
	return `${key}.webp`;
};

/** Stores the bytes under a new random key: a new URL per picture lets browsers cache each one forever. */
export async function writeAvatarFile(dataDir: string, bytes: Buffer): Promise<string> {
	const key = newId();
	await putFile(dataDir, 'avatars', fileOf(key), bytes);
	return key;
}

export async function deleteAvatarFile(dataDir: string, key: string): Promise<void> {
	await deleteFile(dataDir, 'avatars', fileOf(key));
}

/** The stored WebP, or null for an unknown or malformed key. */
export async function readAvatarFile(dataDir: string, key: string): Promise<Buffer | null> {
	if (!isAvatarKey(key)) return null;
	return readFileBytes(dataDir, 'avatars', fileOf(key));
}

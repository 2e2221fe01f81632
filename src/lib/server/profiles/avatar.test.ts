import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { useTestContext } from '../../../../tests/support/db.ts';
import { makeAccount } from '../../../../tests/support/factories.ts';
import { UnauthorizedError, ValidationError } from '../../domain/errors.ts';
import { anonymous } from '../../domain/viewer.ts';
import { AVATAR_MAX_BYTES, findProfileByAccount, readAvatarFile, removeAvatar, setAvatar } from './index.ts';

const t = useTestContext();
const avatarDir = () => join(t.ctx.config.dataDir, 'files', 'avatars');

// A real photo-like picture with EXIF (camera make, orientation) that must not survive normalisation.
const png = (width = 640, height = 480) =>
	sharp({ create: { width, height, channels: 3, background: { r: 200, g: 90, b: 40 } } })
		.png()
		.withExif({ IFD0: { Make: 'SecretCam', Copyright: 'Someone' } })
		.toBuffer();

const file = (bytes: BlobPart, name: string, type: string) => new File([bytes], name, { type });

const codeOf = async (p: Promise<unknown>) => {
	const e = await p.catch((err) => err);
	expect(e).toBeInstanceOf(ValidationError);
	return (e as ValidationError).fields.avatar;
};

describe('setAvatar', () => {
	it('stores a real PNG as a 256×256 WebP without metadata', async () => {
		const a = await makeAccount(t.ctx);
		const key = await setAvatar(t.ctx, await a.viewer(), file(await png(), 'me.png', 'image/png'));
		const row = (await findProfileByAccount(t.ctx.db, a.id))!;
		expect(row.avatarKey).toBe(key);
		expect(row.avatarMime).toBe('image/webp');
		const stored = (await readAvatarFile(t.ctx.config.dataDir, key))!;
		const meta = await sharp(stored).metadata();
		expect(meta).toMatchObject({ format: 'webp', width: 256, height: 256 });
		expect(meta.exif).toBeUndefined();
		expect(stored.includes(Buffer.from('SecretCam'))).toBe(false);
	});

	it('goes by the bytes, not the name or the announced type', async () => {
		const a = await makeAccount(t.ctx);
		const fake = file('this is only text pretending to be a picture', 'photo.png', 'image/png');
		expect(await codeOf(setAvatar(t.ctx, await a.viewer(), fake))).toEqual(['avatar_wrong_type']);
		const pdf = file('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n', 'photo.jpg', 'image/jpeg');
		expect(await codeOf(setAvatar(t.ctx, await a.viewer(), pdf))).toEqual(['avatar_wrong_type']);
		// A real picture under a misleading name and type is fine.
		const jpeg = await sharp(await png(300, 300))
			.jpeg()
			.toBuffer();
		await expect(setAvatar(t.ctx, await a.viewer(), file(jpeg, 'notes.txt', 'text/plain'))).resolves.toMatch(/^[\w-]{16}$/);
	});

	it('refuses files over 5 MB and truncated pictures', async () => {
		const a = await makeAccount(t.ctx);
		const big = new Uint8Array(AVATAR_MAX_BYTES + 1);
		big.set(await png(), 0);
		expect(await codeOf(setAvatar(t.ctx, await a.viewer(), file(big, 'big.png', 'image/png')))).toEqual(['avatar_too_large']);
		const truncated = (await png()).subarray(0, 200);
		expect(await codeOf(setAvatar(t.ctx, await a.viewer(), file(truncated, 'cut.png', 'image/png')))).toEqual(['avatar_unreadable']);
		expect((await findProfileByAccount(t.ctx.db, a.id))!.avatarKey).toBeNull();
	});

	it('deletes the previous file on replace and on remove', async () => {
		const a = await makeAccount(t.ctx);
		const first = await setAvatar(t.ctx, await a.viewer(), file(await png(), 'a.png', 'image/png'));
		const gif = await sharp(await png(64, 64))
			.gif()
			.toBuffer();
		const second = await setAvatar(t.ctx, await a.viewer(), file(gif, 'b.gif', 'image/gif'));
		expect(second).not.toBe(first);
		expect(existsSync(join(avatarDir(), `${first}.webp`))).toBe(false);
		expect(existsSync(join(avatarDir(), `${second}.webp`))).toBe(true);
		await removeAvatar(t.ctx, await a.viewer());
		expect(existsSync(join(avatarDir(), `${second}.webp`))).toBe(false);
		expect((await findProfileByAccount(t.ctx.db, a.id))!).toMatchObject({ avatarKey: null, avatarMime: null });
		await expect(removeAvatar(t.ctx, await a.viewer())).resolves.toBeUndefined();
	});

	it('is for signed-in people only', async () => {
		await expect(setAvatar(t.ctx, anonymous, file(await png(), 'a.png', 'image/png'))).rejects.toThrow(UnauthorizedError);
		await expect(removeAvatar(t.ctx, anonymous)).rejects.toThrow(UnauthorizedError);
	});
});

describe('readAvatarFile', () => {
	it('answers null for unknown keys and never leaves the avatar folder', async () => {
		const dir = t.ctx.config.dataDir;
		expect(await readAvatarFile(dir, 'AAAAAAAAAAAAAAAA')).toBeNull();
		for (const key of ['../auth-secret', '..%2Fauth-secret', '../../etc/passwd', '', 'a/b'])
			expect(await readAvatarFile(dir, key)).toBeNull();
		expect(readdirSync(dir)).toBeDefined();
	});
});

// Decides what an uploaded file really is, from its bytes: the name and the browser's type are the client's word.
import { fileTypeFromBuffer } from 'file-type';
import sharp from 'sharp';
import { allowedMime, attachmentType, storedFilename, type AttachmentKind } from '../../domain/attachments.ts';
import { UnsupportedMediaError, ValidationError } from '../../domain/errors.ts';
import { ACCEPTED_MIME_TYPES } from './schemas.ts';

export interface InspectedUpload {
	bytes: Uint8Array;
	mime: string;
	kind: AttachmentKind;
	filename: string;
}

// A small file can declare a gigapixel canvas; decoding that would take gigabytes of memory.
const MAX_INPUT_PIXELS = 100_000_000;

// sharp's format names for the images we accept: the decoder must agree with the sniffed type.
const SHARP_FORMATS: Record<string, string> = {
	'image/jpeg': 'jpeg',
	'image/png': 'png',
	'image/gif': 'gif',
	'image/webp': 'webp',
	'image/avif': 'heif'
};

const unreadable = () => new ValidationError('The file could not be read as the type it claims', { file: ['file_unreadable'] });

/**
 * Pictures are decoded and written again in the same format without metadata: phone photos carry the GPS position,
 * the camera and the date in EXIF, which a note must not leak (Loi 25), and a crafted file loses whatever it hid. A
 * GIF has no EXIF and is only checked, so its animation stays exactly as drawn.
 */
async function withoutMetadata(bytes: Uint8Array, mime: string): Promise<Uint8Array> {
	const animated = mime === 'image/gif' || mime === 'image/webp';
	try {
		const image = sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, animated });
		const meta = await image.metadata();
		if (meta.format !== SHARP_FORMATS[mime]) throw unreadable();
		if (mime === 'image/gif') return bytes;
		// Phone photos store their rotation in EXIF, which is about to be dropped; animations have none.
		const oriented = (meta.pages ?? 1) > 1 ? image : image.autoOrient();
		const kept = oriented.keepIccProfile();
		if (mime === 'image/jpeg') return await kept.jpeg({ quality: 90 }).toBuffer();
		if (mime === 'image/png') return await kept.png().toBuffer();
		if (mime === 'image/webp') return await kept.webp({ quality: 90 }).toBuffer();
		return await kept.avif({ quality: 70 }).toBuffer();
	} catch (e) {
		if (e instanceof ValidationError) throw e;
		throw unreadable();
	}
}

/**
 * The upload's real type, kind and stored name, and the bytes to store. Throws ValidationError (fields.file:
 * file_empty, file_unreadable) or UnsupportedMediaError (fields.file: file_type_refused) with the accepted types.
 * The size limit is the caller's, checked before the bytes are read.
 */
export async function inspectUpload(bytes: Uint8Array, givenName: string): Promise<InspectedUpload> {
	if (bytes.length === 0) throw new ValidationError('The file is empty', { file: ['file_empty'] });
	const sniffed = await fileTypeFromBuffer(bytes);
	const mime = sniffed ? allowedMime(sniffed.mime) : null;
	if (!mime) {
		throw new UnsupportedMediaError(
			`Notes accept pictures, PDF, office documents, audio and video; this file is ${sniffed?.mime ?? 'of an unknown type'}`,
			ACCEPTED_MIME_TYPES,
			{ file: ['file_type_refused'] }
		);
	}
	const type = attachmentType(mime)!;
	const stored = type.kind === 'image' ? await withoutMetadata(bytes, mime) : bytes;
	return { bytes: stored, mime, kind: type.kind, filename: storedFilename(givenName, mime) };
}

// What a note may carry as an attachment (issue 3), decided from the file's bytes, and how its address and size are
// written. Pure: the server sniffs and stores, the renderer draws cards, the editor may pre-check before sending.

export type AttachmentKind = 'image' | 'document' | 'audio' | 'video';

/**
 * The largest file a note may carry: 25 MiB. The production server lets request bodies up to 26 MiB through
 * (server.ts BODY_SIZE_LIMIT), which leaves room for the multipart envelope.
 */
export const ATTACHMENT_MAX_BYTES = 25 * 1024 * 1024;

export interface AttachmentType {
	kind: AttachmentKind;
	/** The extension stored names end with. */
	ext: string;
	/** Other extensions people give such files; a name ending otherwise gets `ext` added. */
	aliases?: readonly string[];
	/** What a card shows: "PDF", "Word", "MP3"... the same in both languages. */
	label: string;
	/** Browsers show it in place (Content-Disposition: inline); otherwise it is downloaded. */
	inline: boolean;
}

/**
 * The allowed types, by the media type `file-type` finds in the bytes. Left out on purpose: SVG (it can carry
 * script), HEIC (few browsers show it), legacy Office files (a Compound File cannot be told from an MSI installer by
 * its bytes, and it hides macros), macro-enabled Office files (docm, xlsm, pptm), and anything executable or archived.
 */
export const ATTACHMENT_TYPES: Readonly<Record<string, AttachmentType>> = {
	'image/jpeg': { kind: 'image', ext: 'jpg', aliases: ['jpeg', 'jpe'], label: 'JPEG', inline: true },
	'image/png': { kind: 'image', ext: 'png', label: 'PNG', inline: true },
	'image/gif': { kind: 'image', ext: 'gif', label: 'GIF', inline: true },
	'image/webp': { kind: 'image', ext: 'webp', label: 'WebP', inline: true },
	'image/avif': { kind: 'image', ext: 'avif', label: 'AVIF', inline: true },
	'application/pdf': { kind: 'document', ext: 'pdf', label: 'PDF', inline: true },
	'application/vnd.openxmlformats-officedocument.wordprocessingml.document': {
		kind: 'document',
		ext: 'docx',
		label: 'Word',
		inline: false
	},
	'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { kind: 'document', ext: 'xlsx', label: 'Excel', inline: false },
	'application/vnd.openxmlformats-officedocument.presentationml.presentation': {
		kind: 'document',
		ext: 'pptx',
		label: 'PowerPoint',
		inline: false
	},
	'application/vnd.oasis.opendocument.text': { kind: 'document', ext: 'odt', label: 'OpenDocument', inline: false },
	'application/vnd.oasis.opendocument.spreadsheet': { kind: 'document', ext: 'ods', label: 'OpenDocument', inline: false },
	'application/vnd.oasis.opendocument.presentation': { kind: 'document', ext: 'odp', label: 'OpenDocument', inline: false },
	'audio/mpeg': { kind: 'audio', ext: 'mp3', label: 'MP3', inline: true },
	'audio/ogg': { kind: 'audio', ext: 'ogg', aliases: ['oga', 'opus'], label: 'Ogg', inline: true },
	'audio/mp4': { kind: 'audio', ext: 'm4a', aliases: ['mp4', 'm4b'], label: 'M4A', inline: true },
	'audio/aac': { kind: 'audio', ext: 'aac', label: 'AAC', inline: true },
	'audio/wav': { kind: 'audio', ext: 'wav', label: 'WAV', inline: true },
	'audio/flac': { kind: 'audio', ext: 'flac', label: 'FLAC', inline: true },
	'video/mp4': { kind: 'video', ext: 'mp4', aliases: ['m4v'], label: 'MP4', inline: true },
	'video/webm': { kind: 'video', ext: 'webm', aliases: ['weba'], label: 'WebM', inline: true },
	'video/ogg': { kind: 'video', ext: 'ogv', aliases: ['ogg'], label: 'Ogg', inline: true }
};

// file-type's names for a few of the types above, mapped to the one we store and serve.
const SYNONYMS: Readonly<Record<string, string>> = {
	'audio/x-m4a': 'audio/mp4',
	// Opus is served as Ogg: that is its container, and every browser that plays one plays the other.
	'audio/ogg; codecs=opus': 'audio/ogg',
	'audio/x-flac': 'audio/flac',
	'audio/x-wav': 'audio/wav',
	'audio/vnd.wave': 'audio/wav'
};

/** The media type we store for a sniffed one, or null when notes may not carry it. */
export function allowedMime(sniffed: string): string | null {
	const mime = SYNONYMS[sniffed] ?? sniffed;
	return ATTACHMENT_TYPES[mime] ? mime : null;
}

export const attachmentType = (mime: string): AttachmentType | undefined => ATTACHMENT_TYPES[mime];

// Characters that break a file name somewhere: paths, Windows' reserved ones, controls, bidi overrides.
const UNSAFE = /[\\/:*?"<>|\p{Cc}\p{Cf}]+/gu;

/**
 * The name a file is stored and offered under: the person's name, without path parts or characters that trouble
 * file systems, at most 120 characters, ending with the extension of its real type (photo.txt holding a PNG is
 * stored as photo.txt.png, so nobody opens it with the wrong program).
 */
export function storedFilename(given: string, mime: string): string {
	const type = ATTACHMENT_TYPES[mime];
	if (!type) throw new Error(`Not an attachment type: ${mime}`);
	const base = given.split(/[\\/]/).pop() ?? '';
	let name = base.normalize('NFC').replace(UNSAFE, ' ').replace(/\s+/g, ' ').trim().replace(/^\.+/, '');
	const dot = name.lastIndexOf('.');
	const ext = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
	const fits = ext === type.ext || (type.aliases ?? []).includes(ext);
	let stem = fits ? name.slice(0, dot) : name;
	const suffix = fits ? ext : type.ext;
	stem = [...stem].slice(0, 120 - suffix.length - 1).join('') || 'fichier';
	name = `${stem}.${suffix}`;
	return name;
}

/** Where a file is served: /files/{id}/{name}. The name is for people and downloads; only the id is looked up. */
export const attachmentPath = (id: string, filename: string): string => `/files/${id}/${encodeURIComponent(filename)}`;

const FILE_PATH = /^\/files\/([A-Za-z0-9_-]{16})(?:\/[^/?#]*)?$/;

/** The attachment id a link or image address names (/files/{id}/… on this instance), or null. */
export function attachmentIdOf(href: string, origin: string | null = null): string | null {
	let path = href;
	if (origin && href.startsWith(`${origin}/files/`)) path = href.slice(origin.length);
	return FILE_PATH.exec(path)?.[1] ?? null;
}

/** Markdown that shows the file in a note: an image for pictures, a link (a card, a player) for the rest. */
export function attachmentMarkdown(a: { id: string; filename: string; kind: AttachmentKind; altText: string }): string {
	const path = attachmentPath(a.id, a.filename);
	const escape = (s: string) => s.replace(/([\\[\]])/g, '\\$1').replace(/\s+/g, ' ');
	return a.kind === 'image' ? `![${escape(a.altText)}](${path})` : `[${escape(a.filename)}](${path})`;
}

const UNITS = { fr: ['octets', 'Ko', 'Mo', 'Go'], en: ['bytes', 'KB', 'MB', 'GB'] } as const;

/** "2,3 Mo" / "2.3 MB" (binary multiples, the way file managers on most desktops count). */
export function formatFileSize(bytes: number, lang: 'fr' | 'en'): string {
	let value = bytes;
	let unit = 0;
	while (value >= 1024 && unit < 3) {
		value /= 1024;
		unit++;
	}
	const digits = unit === 0 || value >= 100 ? 0 : 1;
	const number = new Intl.NumberFormat(lang === 'fr' ? 'fr-CA' : 'en-CA', { maximumFractionDigits: digits }).format(value);
	return `${number}\u00a0${UNITS[lang][unit]}`;
}

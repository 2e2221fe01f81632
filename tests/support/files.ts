// Small real files for upload tests, made on the spot: no binary fixtures in the repository.
import { crc32 } from 'node:zlib';
import sharp from 'sharp';

const text = (s: string) => new TextEncoder().encode(s);

/** A photo-like PNG carrying EXIF (camera, GPS-like data) that must not survive an upload. */
export const pngWithExif = (width = 64, height = 48) =>
	sharp({ create: { width, height, channels: 3, background: { r: 200, g: 90, b: 40 } } })
		.png()
		.withExif({ IFD0: { Make: 'SecretCam', Copyright: 'Someone' }, IFD3: { GPSLatitudeRef: 'N' } })
		.toBuffer();

export const jpegWithExif = async () =>
	sharp(await pngWithExif())
		.jpeg()
		.withExif({ IFD0: { Make: 'SecretCam' } })
		.toBuffer();

/** The smallest PDF readers open: one empty page. */
export const pdf = () =>
	text(
		'%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
			'3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n'
	);

/** A ZIP with stored (uncompressed) entries, enough for type detection of office formats. */
export function zipOf(entries: [name: string, content: string][]): Uint8Array {
	const locals: Buffer[] = [];
	const central: Buffer[] = [];
	let offset = 0;
	for (const [name, content] of entries) {
		const data = Buffer.from(content);
		const nameBytes = Buffer.from(name);
		const crc = crc32(data);
		const local = Buffer.alloc(30);
		local.writeUInt32LE(0x04034b50, 0);
		local.writeUInt16LE(20, 4);
		local.writeUInt32LE(crc, 14);
		local.writeUInt32LE(data.length, 18);
		local.writeUInt32LE(data.length, 22);
		local.writeUInt16LE(nameBytes.length, 26);
		locals.push(local, nameBytes, data);
		const entry = Buffer.alloc(46);
		entry.writeUInt32LE(0x02014b50, 0);
		entry.writeUInt16LE(20, 4);
		entry.writeUInt16LE(20, 6);
		entry.writeUInt32LE(crc, 16);
		entry.writeUInt32LE(data.length, 20);
		entry.writeUInt32LE(data.length, 24);
		entry.writeUInt16LE(nameBytes.length, 28);
		entry.writeUInt32LE(offset, 42);
		central.push(entry, nameBytes);
		offset += 30 + nameBytes.length + data.length;
	}
	const directory = Buffer.concat(central);
	const end = Buffer.alloc(22);
	end.writeUInt32LE(0x06054b50, 0);
	end.writeUInt16LE(entries.length, 8);
	end.writeUInt16LE(entries.length, 10);
	end.writeUInt32LE(directory.length, 12);
	end.writeUInt32LE(offset, 16);
	return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

const ooxml = (main: string) =>
	zipOf([
		[
			'[Content_Types].xml',
			'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
				`<Override PartName="/word/document.xml" ContentType="${main}"/></Types>`
		],
		['word/document.xml', '<w:document/>']
	]);

export const docx = () => ooxml('application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml');
/** A Word file with macros: refused. */
export const docm = () => ooxml('application/vnd.ms-word.document.macroEnabled.main+xml');
export const odt = () =>
	zipOf([
		['mimetype', 'application/vnd.oasis.opendocument.text'],
		['content.xml', '<office:document-content/>']
	]);

/** An MP3 as its ID3 tag announces it, followed by one silent MPEG frame header. */
export const mp3 = () => new Uint8Array([...text('ID3'), 4, 0, 0, 0, 0, 0, 0, 0xff, 0xfb, 0x90, 0x64, ...new Uint8Array(400)]);

/** The first box of an MP4 file. */
export const mp4 = () => {
	const box = Buffer.alloc(32);
	box.writeUInt32BE(32, 0);
	box.write('ftypisom', 4, 'latin1');
	box.writeUInt32BE(0x200, 12);
	box.write('isomiso2avc1mp41', 16, 'latin1');
	return new Uint8Array(Buffer.concat([box, Buffer.alloc(512)]));
};

/** Files notes must refuse. */
export const html = () => text('<!doctype html><html><body><script>alert(document.cookie)</script></body></html>');
export const svg = () => text('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><circle r="5"/></svg>');
export const exe = () => new Uint8Array([...text('MZ'), 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xff, 0xff, ...new Uint8Array(200)]);
/** A legacy Office (Compound File) header: could as well be an MSI installer. */
export const cfb = () => new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Uint8Array(1024)]);

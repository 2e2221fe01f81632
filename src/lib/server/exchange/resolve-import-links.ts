import { mapWikiLinks, NOTE_ID } from '../../domain/wiki-links.ts';

/**
 * Points the wiki links of an imported body at the notes of the same import: `[[Title]]` by title (case aside), and
 * `[[ID|label]]` (how an export writes links, so Obsidian finds the file `ID.md`) by id, to a note of the import or
 * to an existing note in `knownIds`. Links to other titles stay as written: saving resolves them among existing notes.
 */
export function resolveImportLinks(
	body: string,
	importIdsByTitle: ReadonlyMap<string, string>,
	importIds: ReadonlySet<string>,
	knownIds: ReadonlySet<string>
): string {
	return mapWikiLinks(body, ({ target, label, inTable }) => {
		if (target.kind !== 'title') return null;
		const pipe = inTable ? '\\|' : '|';
		if (NOTE_ID.test(target.title) && (importIds.has(target.title) || knownIds.has(target.title)))
			return `[[id:${target.title}${label ? pipe + label : ''}]]`;
		const id = importIdsByTitle.get(target.title.toLowerCase());
		return id ? `[[id:${id}${pipe}${label ?? target.title}]]` : null;
	});
}

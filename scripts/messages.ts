// Adds messages to both catalogues at once: node scripts/messages.ts add new.json
// where new.json is { "key": { "fr": "…", "en": "…" } }. Keeps keys in step across fr.json and en.json.
import { readFileSync, writeFileSync } from 'node:fs';

const [command, file] = process.argv.slice(2);
if (command !== 'add' || !file) {
	console.error('usage: node scripts/messages.ts add FILE.json   (FILE: { "key": { "fr": "…", "en": "…" } })');
	process.exit(2);
}
const additions = JSON.parse(readFileSync(file, 'utf8')) as Record<string, { fr: string; en: string }>;
for (const lang of ['fr', 'en'] as const) {
	const path = `messages/${lang}.json`;
	const catalogue = JSON.parse(readFileSync(path, 'utf8')) as Record<string, string>;
	for (const [key, texts] of Object.entries(additions)) {
		if (!/^[a-z][a-z0-9_]*$/.test(key)) throw new Error(`Key ${key} is not snake_case`);
		if (!texts[lang]) throw new Error(`Key ${key} has no ${lang} text`);
		catalogue[key] = texts[lang];
	}
	writeFileSync(path, JSON.stringify(catalogue, null, '\t') + '\n');
}
console.log(`Added ${Object.keys(additions).length} messages to messages/fr.json and messages/en.json`);

// Adds (or rewrites) messages in both catalogues at once: node scripts/messages.ts add new.json
// where new.json is { "key": { "fr": "…", "en": "…" } }. Keeps keys in step across fr.json and en.json.
// A count-dependent message gives { "one": "…", "other": "…" } per language and `"plural": "count"`.
// Removes messages no page uses any more from both: node scripts/messages.ts remove key1 key2 …
import { readFileSync, writeFileSync } from 'node:fs';

type Text = string | { one: string; other: string };
type Addition = { fr: Text; en: Text; plural?: string };

const [command, file, ...more] = process.argv.slice(2);
if (!['add', 'remove'].includes(command) || !file) {
	console.error('usage: node scripts/messages.ts add FILE.json   (FILE: { "key": { "fr": "…", "en": "…" } })');
	console.error('       node scripts/messages.ts remove KEY…');
	process.exit(2);
}

const catalogues = (['fr', 'en'] as const).map((lang) => ({
	lang,
	path: `messages/${lang}.json`,
	entries: JSON.parse(readFileSync(`messages/${lang}.json`, 'utf8')) as Record<string, unknown>
}));
const save = () => {
	for (const c of catalogues) writeFileSync(c.path, JSON.stringify(c.entries, null, '\t') + '\n');
};

if (command === 'remove') {
	const keys = [file, ...more];
	for (const key of keys) if (!catalogues.every((c) => key in c.entries)) throw new Error(`No message ${key}`);
	for (const c of catalogues) for (const key of keys) delete c.entries[key];
	save();
	console.log(`Removed ${keys.length} messages from messages/fr.json and messages/en.json`);
	process.exit(0);
}

function compile(text: Text, plural: string | undefined) {
	if (typeof text === 'string') return text;
	const variable = plural ?? 'count';
	const inputs = new Set([...`${text.one} ${text.other}`.matchAll(/\{(\w+)\}/g)].map((x) => x[1]));
	inputs.add(variable);
	return [
		{
			declarations: [...[...inputs].map((i) => `input ${i}`), `local ${variable}Plural = ${variable}: plural`],
			selectors: [`${variable}Plural`],
			match: { [`${variable}Plural=one`]: text.one, [`${variable}Plural=other`]: text.other }
		}
	];
}

const additions = JSON.parse(readFileSync(file, 'utf8')) as Record<string, Addition>;
for (const { lang, entries } of catalogues) {
	for (const [key, texts] of Object.entries(additions)) {
		if (!/^[a-z][a-z0-9_]*$/.test(key)) throw new Error(`Key ${key} is not snake_case`);
		if (!texts[lang]) throw new Error(`Key ${key} has no ${lang} text`);
		entries[key] = compile(texts[lang], texts.plural);
	}
}
save();
console.log(`Added ${Object.keys(additions).length} messages to messages/fr.json and messages/en.json`);

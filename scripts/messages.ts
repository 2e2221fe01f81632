// Adds messages to both catalogues at once: node scripts/messages.ts add new.json
// where new.json is { "key": { "fr": "…", "en": "…" } }. Keeps keys in step across fr.json and en.json.
// A count-dependent message gives { "one": "…", "other": "…" } per language and `"plural": "count"`.
import { readFileSync, writeFileSync } from 'node:fs';

type Text = string | { one: string; other: string };
type Addition = { fr: Text; en: Text; plural?: string };

const [command, file] = process.argv.slice(2);
if (command !== 'add' || !file) {
	console.error('usage: node scripts/messages.ts add FILE.json   (FILE: { "key": { "fr": "…", "en": "…" } })');
	process.exit(2);
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
for (const lang of ['fr', 'en'] as const) {
	const path = `messages/${lang}.json`;
	const catalogue = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
	for (const [key, texts] of Object.entries(additions)) {
		if (!/^[a-z][a-z0-9_]*$/.test(key)) throw new Error(`Key ${key} is not snake_case`);
		if (!texts[lang]) throw new Error(`Key ${key} has no ${lang} text`);
		catalogue[key] = compile(texts[lang], texts.plural);
	}
	writeFileSync(path, JSON.stringify(catalogue, null, '\t') + '\n');
}
console.log(`Added ${Object.keys(additions).length} messages to messages/fr.json and messages/en.json`);

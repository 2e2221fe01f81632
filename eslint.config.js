// ESLint flat config: JavaScript, TypeScript and Svelte recommended rules; Prettier owns the formatting.
import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import ts from 'typescript-eslint';

export default defineConfig(
	{
		// Generated, installed or local data.
		ignores: ['build/', '.svelte-kit*/', '.test-build/', 'src/lib/paraglide/', 'node_modules/', 'data/', 'bench/.work/', 'test-results/']
	},
	js.configs.recommended,
	ts.configs.recommended,
	svelte.configs.recommended,
	svelte.configs.prettier,
	{
		languageOptions: {
			// Server code, scripts and browser code live side by side in a SvelteKit app.
			globals: { ...globals.browser, ...globals.node },
			parserOptions: { extraFileExtensions: ['.svelte'] }
		},
		rules: {
			// TypeScript already reports undefined names, and knows the ambient types no-undef does not (typescript-eslint advice).
			'no-undef': 'off',
			// The app is served at the root (no paths.base) and every link already carries its /fr or /en prefix,
			// so wrapping hrefs in resolve() would change nothing.
			'svelte/no-navigation-without-resolve': 'off'
		}
	},
	{
		// Components and rune modules: the Svelte parser, with TypeScript inside <script lang="ts">.
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: { parserOptions: { parser: ts.parser } }
	}
);

import { sveltekit } from '@sveltejs/kit/vite';
import adapter from '@sveltejs/adapter-node';
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { defineConfig } from 'vite';

// Separate output folders let a test run build beside a running instance (see CONTRIBUTING.md).
const out = process.env.COMMONPLACE_BUILD_DIR ?? 'build';
const kitDir = process.env.COMMONPLACE_KIT_DIR ?? '.svelte-kit';

export default defineConfig({
	plugins: [
		paraglideVitePlugin({
			project: './project.inlang',
			outdir: './src/lib/paraglide',
			strategy: ['custom-path', 'cookie', 'preferredLanguage', 'baseLocale']
		}),
		sveltekit({
			adapter: adapter({ out }),
			outDir: kitDir,
			paths: { relative: false },
			// Off here, on in src/hooks.server.ts: the same origin check, but API calls with a bearer token pass (csrf.ts).
			csrf: { trustedOrigins: ['*'] },
			csp: {
				mode: 'auto',
				directives: {
					'default-src': ['self'],
					'script-src': ['self'],
					'style-src': ['self', 'unsafe-inline'],
					'img-src': ['self', 'data:', 'blob:'],
					'font-src': ['self'],
					'connect-src': ['self'],
					'object-src': ['none'],
					'base-uri': ['self'],
					'form-action': ['self'],
					'frame-ancestors': ['none']
				}
			}
		})
	],
	server: { fs: { allow: ['messages'] } }
});

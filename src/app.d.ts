import type { Viewer } from '#lib/domain/viewer.ts';
import type { App as Services } from '#lib/server/app.ts';

declare global {
	namespace App {
		interface Locals {
			lang: 'fr' | 'en';
			viewer: Viewer;
			/** The signed-in person, for the header and forms; null when anonymous. */
			account: { id: string; email: string; handle: string; displayName: string; isAdmin: boolean } | null;
			/** How the request was authenticated: a browser session or a personal access token. */
			via: 'session' | 'token' | null;
			app: Services;
		}
		interface Error {
			message: string;
		}
	}
}

export {};

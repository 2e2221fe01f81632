// Progressive enhancement shared by form pages.
import { tick } from 'svelte';
import type { SubmitFunction } from '$app/forms';

/**
 * With JavaScript the page does not reload after a failed submit, so focus would stay on the button: move it to
 * the first field to fix, where a screen reader user needs it, as a full page load would.
 */
export const focusFirstError =
	(selector = 'form [aria-invalid="true"]'): SubmitFunction =>
	() =>
	async ({ update }) => {
		await update({ reset: false });
		await tick();
		document.querySelector<HTMLElement>(selector)?.focus();
	};

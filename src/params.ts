import { defineParams } from '@sveltejs/kit/params';

export const params = defineParams({
	lang: (param: string) => (param === 'fr' || param === 'en' ? param : undefined)
});

export function withDatabase(url: string, database: string): string {
	const u = new URL(url);
	u.pathname = `/${database}`;
	return u.toString();
}

/** The maintenance connection used to create and drop test databases: the URL's own database. */
export const adminUrl = (url: string) => url;

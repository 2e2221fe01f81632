/** Who is looking. Anonymous is a value, not null, so every rule states what it grants to nobody. */
export type Viewer =
	| { kind: 'anonymous' }
	| {
			kind: 'account';
			id: string;
			isAdmin: boolean;
			/** Communities where the viewer's membership is active. */
			activeCommunityIds: ReadonlySet<string>;
	  };

export const anonymous: Viewer = Object.freeze({ kind: 'anonymous' });

export const isSignedIn = (v: Viewer): v is Extract<Viewer, { kind: 'account' }> => v.kind === 'account';

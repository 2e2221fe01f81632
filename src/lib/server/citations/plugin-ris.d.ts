// @citation-js/plugin-ris 0.8 ships no types: its output format, declared the way the other plugins declare theirs.
export {};

type Spec = 'new' | 'old' | 'mixed';

declare module '@citation-js/core' {
	namespace plugins {
		namespace output {
			interface Formats {
				ris:
					| ((options: { format: 'object'; spec?: Spec }) => Record<string, string | string[]>[])
					| ((options?: { format?: 'text'; spec?: Spec }) => string);
			}
		}
	}
}

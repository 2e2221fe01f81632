// The part of autocannon's programmatic API the benchmarks use (it ships no types, and @types/autocannon would be a
// dependency for a dozen lines).
declare module 'autocannon' {
	type Stats = {
		average: number;
		mean: number;
		stddev: number;
		min: number;
		max: number;
		total: number;
		p50: number;
		p97_5: number;
		p99: number;
	};
	export type Result = { requests: Stats; latency: Stats; throughput: Stats; errors: number; timeouts: number; non2xx: number };
	export default function autocannon(options: { url: string; connections?: number; duration?: number }): Promise<Result>;
}

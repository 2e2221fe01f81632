import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/** Another live process holds the embedded database. */
export class DataDirBusyError extends Error {
	readonly pid: number;
	readonly dir: string;
	constructor(dir: string, pid: number) {
		super(`The embedded database in ${dir} is open in another process (pid ${pid}). Stop it, or use DATABASE_URL.`);
		this.dir = dir;
		this.pid = pid;
	}
}

const isAlive = (pid: number) => {
	try {
		process.kill(pid, 0);
		return true;
	} catch (e) {
		return (e as NodeJS.ErrnoException).code === 'EPERM';
	}
};

/**
 * PGlite does not lock its data dir, and two processes writing it corrupt it: the server and `npm run admin`
 * take this lock first. A lock left by a crashed process (its pid is gone) is taken over.
 * Returns the release function.
 */
export function lockDataDir(dir: string): () => void {
	const file = join(dir, 'commonplace.lock');
	for (let attempt = 0; attempt < 2; attempt++) {
		try {
			const fd = openSync(file, 'wx');
			writeSync(fd, String(process.pid));
			closeSync(fd);
			let released = false;
			const release = () => {
				if (released) return;
				released = true;
				rmSync(file, { force: true });
			};
			process.once('exit', release);
			return release;
		} catch (e) {
			if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
			const pid = Number(readFileSync(file, 'utf8').trim());
			if (pid && pid !== process.pid && isAlive(pid)) throw new DataDirBusyError(dir, pid);
			rmSync(file, { force: true });
		}
	}
	throw new Error(`Could not lock ${dir}`);
}

// Starts the benchmark's servers as child processes (so the load generator never shares their event loop) and talks to them.
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { ChildReply, ChildRequest, PracticeReady } from './protocol.js';

const here = import.meta.dirname;

function nextMessage<T>(child: ChildProcess): Promise<T> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) =>
      reject(new Error(`${path.basename(String(child.spawnargs.at(-1)))} exited (${code}) before answering`));
    child.once('exit', onExit);
    child.once('message', (message) => {
      child.off('exit', onExit);
      resolve(message as T);
    });
  });
}

function start(file: string, nodeOptions: string[] = []): ChildProcess {
  return fork(path.join(here, file), [], { execArgv: [...nodeOptions, '--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
}

export interface PracticeChild {
  ready: PracticeReady;
  pid: number;
  ask(request: ChildRequest): Promise<ChildReply>;
  stop(): Promise<void>;
}

export interface BareChild {
  url: string;
  serve(bodies: Record<string, string>): Promise<void>;
  stop(): Promise<void>;
}

function stopper(child: ChildProcess): () => Promise<void> {
  return () =>
    new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.disconnect();
    });
}

/** `nodeOptions` go to the server's node (such as `--cpu-prof` for bench/profile.ts). */
export async function startPracticeChild(nodeOptions: string[] = []): Promise<PracticeChild> {
  const child = start('practice-child.ts', nodeOptions);
  const ready = await nextMessage<PracticeReady>(child);
  let queue = Promise.resolve<unknown>(undefined);
  return {
    ready,
    pid: child.pid!,
    // One question at a time: the replies carry no id.
    ask: (request) => {
      const answer = queue.then(() => {
        const reply = nextMessage<ChildReply>(child);
        child.send(request);
        return reply;
      });
      queue = answer.catch(() => undefined);
      return answer;
    },
    stop: stopper(child),
  };
}

export async function startBareChild(): Promise<BareChild> {
  const child = start('bare-child.ts');
  const { url } = await nextMessage<{ url: string }>(child);
  return {
    url,
    serve: async (bodies) => {
      const done = nextMessage(child);
      child.send({ bodies });
      await done;
    },
    stop: stopper(child),
  };
}

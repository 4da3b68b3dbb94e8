// Workers waiting for jobs: long-polling ActivateJobs calls and open job streams. Not state:
// a waiter lives as long as its gRPC call, like in Zeebe's gateway.

import type { ActivatedJob, ActivationRequest } from './jobs.ts';

export interface LongPoll extends ActivationRequest {
  type: string;
  maxJobsToActivate: number;
  resolve(jobs: ActivatedJob[]): void;
  timer?: NodeJS.Timeout;
  done: boolean;
}

export interface JobStream extends ActivationRequest {
  type: string;
  /** false when the stream is gone: the job is handed back. */
  push(job: ActivatedJob): boolean;
  closed: boolean;
}

export class JobWaiters {
  private readonly polls = new Map<string, Set<LongPoll>>();
  private readonly streams = new Map<string, JobStream[]>();
  private nextStream = 0;

  addPoll(poll: LongPoll): void {
    let set = this.polls.get(poll.type);
    if (!set) this.polls.set(poll.type, (set = new Set()));
    set.add(poll);
  }

  removePoll(poll: LongPoll): void {
    poll.done = true;
    if (poll.timer) clearTimeout(poll.timer);
    this.polls.get(poll.type)?.delete(poll);
  }

  pollsFor(type: string): LongPoll[] {
    return [...(this.polls.get(type) ?? [])];
  }

  addStream(stream: JobStream): void {
    this.streams.set(stream.type, [...(this.streams.get(stream.type) ?? []), stream]);
  }

  removeStream(stream: JobStream): void {
    stream.closed = true;
    const left = (this.streams.get(stream.type) ?? []).filter((s) => s !== stream);
    if (left.length) this.streams.set(stream.type, left);
    else this.streams.delete(stream.type);
  }

  /** The next open stream for a job type, round robin. */
  streamFor(type: string): JobStream | undefined {
    const list = this.streams.get(type);
    if (!list?.length) return undefined;
    return list[this.nextStream++ % list.length];
  }

  closeAll(): void {
    for (const set of this.polls.values()) for (const p of set) {
      this.removePoll(p);
      p.resolve([]);
    }
    this.streams.clear();
  }
}
